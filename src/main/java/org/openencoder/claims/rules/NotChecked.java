package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openencoder.claims.Claim;
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
    private List<Integer> numbers;
    private LocalDate date;

    /** A line (0-based index) whose date no release of the rule's data set covers. */
    void add(int index, LocalDate lineDate) {
      if (numbers == null) {
        numbers = new ArrayList<>(2);
        date = lineDate;
      }
      numbers.add(index + 1);
    }

    /** Adds one finding for the lines collected, if any. */
    void report(
        Claim claim,
        ReleasesOnDates tables,
        String family,
        String what,
        String expected,
        String dataset,
        List<Finding> findings) {
      if (numbers == null) {
        return;
      }
      List<String> codes = new ArrayList<>(numbers.size());
      for (int number : numbers) {
        codes.add(claim.lines().get(number - 1).code());
      }
      findings.add(
          finding(
              family,
              what,
              expected,
              date,
              tables.on(date).loadedReleases(dataset),
              numbers,
              codes));
    }
  }

  /**
   * @param what the edits, e.g. "NCCI MUEs (practitioner services)"
   * @param expected the official file that would answer, e.g. "MCR_MUE_PractitionerServices_*.csv"
   * @param loaded the releases loaded, as {@link ReleasesInForce#loadedReleases} words them
   */
  static Finding finding(
      String family,
      String what,
      String expected,
      LocalDate date,
      String loaded,
      List<Integer> lines,
      List<String> codes) {
    return new Finding(
        family + ".not-checked",
        Severity.INFO,
        lines,
        codes,
        what
            + " not checked: no loaded release covers the date of service "
            + date
            + " ("
            + loaded
            + ").",
        "Load the release in force on "
            + date
            + " ("
            + expected
            + "), or check these edits by hand.",
        new Source(expected, "none loaded for " + date, null));
  }
}
