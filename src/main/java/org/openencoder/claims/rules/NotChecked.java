package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;

/**
 * The finding that an edit was not applied because no loaded release covers the date.
 *
 * <p>Most claims of a date that lacks a release get the same notices, so each notice is worded once
 * per date and kept in a slot of the date's tables ({@link ReleasesInForce#notices}); a claim's
 * notice is that wording with the claim's lines and codes.
 */
final class NotChecked {

  private NotChecked() {}

  /**
   * One notice (an edit family's "not checked" for a data set), with the slot where each date keeps
   * its wording.
   */
  static final class Kind {

    /** Slots a date keeps; the rules declare about fifteen kinds. */
    static final int SLOTS = 32;

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final int slot;
    private final Function<ReleasesInForce, Finding> wording;

    /**
     * @param wording the notice on a date, without lines or codes
     */
    Kind(Function<ReleasesInForce, Finding> wording) {
      this.slot = NEXT.getAndIncrement();
      if (slot >= SLOTS) {
        throw new IllegalStateException("More than " + SLOTS + " kinds of notice");
      }
      this.wording = wording;
    }

    /**
     * The usual notice: the edits are not checked for want of a release of the data set.
     *
     * @param what the edits, e.g. "NCCI MUEs (practitioner services)"
     * @param expected the official file that would answer, e.g.
     *     "MCR_MUE_PractitionerServices_*.csv"
     * @param dataset the data set whose loaded releases the finding names
     */
    static Kind of(String family, String what, String expected, String dataset) {
      return of(family, on -> what, expected, dataset);
    }

    /** As above, for edits whose name is composed from the date's releases. */
    static Kind of(
        String family, Function<ReleasesInForce, String> what, String expected, String dataset) {
      return new Kind(
          on ->
              new Finding(
                  family + ".not-checked",
                  Severity.INFO,
                  List.of(),
                  List.of(),
                  what.apply(on)
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

    /** The notice on a date, for some lines and codes (immutable lists: they are not copied). */
    Finding finding(ReleasesInForce on, List<Integer> lines, List<String> codes) {
      Finding worded = on.notices[slot];
      if (worded == null) {
        // A race words it twice, the same: the record's final fields publish it safely.
        worded = wording.apply(on);
        on.notices[slot] = worded;
      }
      return new Finding(
          worded.rule(),
          Severity.INFO,
          lines,
          codes,
          worded.message(),
          worded.fix(),
          worded.source());
    }
  }

  /**
   * The lines whose own code a rule could not check for want of a release, one bit a line (a claim
   * has at most 50); nothing is allocated until a second date lacks one.
   */
  static final class LineCodes {
    private ReleasesInForce first;
    private long firstLines;
    private List<ReleasesInForce> others;
    private long[] otherLines;

    /** A line (0-based index) whose date no release of the rule's data set covers. */
    void add(int index, ReleasesInForce lineTables) {
      if (first == null || first == lineTables) {
        first = lineTables;
        firstLines |= 1L << index;
        return;
      }
      if (others == null) {
        others = new ArrayList<>(2);
        otherLines = new long[ClaimReleases.MAX_LINES];
      }
      int at = others.indexOf(lineTables);
      if (at < 0) {
        at = others.size();
        others.add(lineTables);
      }
      otherLines[at] |= 1L << index;
    }

    /** Adds one finding for each date of the lines collected, if any, in the order seen. */
    void report(Kind kind, ClaimReleases tables, List<Finding> findings) {
      if (first == null) {
        return;
      }
      findings.add(
          kind.finding(first, tables.lineNumbers(firstLines), tables.lineCodes(firstLines)));
      if (others != null) {
        for (int i = 0; i < others.size(); i++) {
          findings.add(
              kind.finding(
                  others.get(i),
                  tables.lineNumbers(otherLines[i]),
                  tables.lineCodes(otherLines[i])));
        }
      }
    }
  }

  /**
   * Codes of lines (modifiers) a rule could not check for want of a release, collected as it goes;
   * nothing is allocated until a line lacks one.
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
    void report(Kind kind, List<Finding> findings) {
      if (gaps != null) {
        for (Gap gap : gaps) {
          findings.add(kind.finding(gap.on, List.copyOf(gap.numbers), List.copyOf(gap.codes)));
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
}
