package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.List;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;

/** The finding that an edit was not applied because no loaded release covers the date. */
final class NotChecked {

  private NotChecked() {}

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
