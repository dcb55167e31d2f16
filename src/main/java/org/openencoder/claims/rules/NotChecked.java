package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;

/** The finding that an edit was not applied because no loaded release covers the date. */
final class NotChecked {

  private NotChecked() {}

  /**
   * The lines a rule could not check for want of a release, collected as it goes; nothing is
   * allocated until a line lacks one.
   */
  static final class Lines {
    private List<Gap> gaps;

    /** A code of a line (0-based index) whose date no release of the rule's data set covers. */
    void add(int index, ReleasesInForce lineTables, String code) {
      if (gaps == null) {
        gaps = new ArrayList<>(1);
      }
      Gap gap = null;
      for (Gap g : gaps) {
        if (g.on == lineTables) {
          gap = g;
        }
      }
      if (gap == null) {
        gap = new Gap(lineTables);
        gaps.add(gap);
      }
      if (!gap.numbers.contains(index + 1)) {
        gap.numbers.add(index + 1);
      }
      gap.codes.add(code);
    }

    /** Adds one finding for each date of the lines collected, if any. */
    void report(
        String family, String what, String expected, String dataset, List<Finding> findings) {
      if (gaps != null) {
        for (Gap gap : gaps) {
          findings.add(finding(family, what, expected, gap.on, dataset, gap.numbers, gap.codes));
        }
      }
    }

    /** The lines and codes of one date of service. */
    private static final class Gap {
      final ReleasesInForce on;
      final List<Integer> numbers = new ArrayList<>(2);
      final List<String> codes = new ArrayList<>(2);

      Gap(ReleasesInForce on) {
        this.on = on;
      }
    }
  }

  /**
   * The finding for some lines and codes. Its wording depends only on the date and the edits, so it
   * is composed once per date and reused: claims on a date that lacks a release all get it.
   *
   * @param what the edits, e.g. "NCCI MUEs (practitioner services)"
   * @param expected the official file that would answer, e.g. "MCR_MUE_PractitionerServices_*.csv"
   * @param dataset the data set whose loaded releases the finding names
   */
  static Finding finding(
      String family,
      String what,
      String expected,
      ReleasesInForce on,
      String dataset,
      List<Integer> lines,
      List<String> codes) {
    return finding(family, what, () -> what, expected, on, dataset, lines, codes);
  }

  /**
   * As above, for edits whose name is composed from the date's releases: {@code key} names them in
   * the date's notices without composing the name on every claim.
   */
  static Finding finding(
      String family,
      String key,
      Supplier<String> what,
      String expected,
      ReleasesInForce on,
      String dataset,
      List<Integer> lines,
      List<String> codes) {
    Finding wording = on.notices.get(key);
    if (wording == null) {
      wording =
          on.notices.computeIfAbsent(
              key,
              k ->
                  new Finding(
                      family + ".not-checked",
                      Severity.INFO,
                      List.of(),
                      List.of(),
                      what.get()
                          + " not checked: no loaded release covers the date of service "
                          + on.date
                          + " ("
                          + on.loadedReleases(dataset)
                          + ").",
                      "Load the release in force on "
                          + on.date
                          + " ("
                          + expected
                          + "), or check these edits by hand.",
                      new Source(expected, "none loaded for " + on.date, null)));
    }
    return new Finding(
        wording.rule(),
        Severity.INFO,
        lines,
        codes,
        wording.message(),
        wording.fix(),
        wording.source());
  }
}
