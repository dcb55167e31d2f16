package org.openencoder.mce.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.mce.AgeRange;
import org.openencoder.mce.MceList;

/**
 * What a "Definitions of Medicare Code Edits" file states.
 *
 * @param version the version as its title page prints it, e.g. "v43.1"
 * @param month the month of the release on the title page, e.g. April 2026
 * @param entries every code of every list, in file order
 * @param ages the age range the text states for each age list, with its line
 * @param sexConflictDeactivated the date edit 5's heading gives, or null if it gives none
 */
record MceDefinitions(
    String version,
    YearMonth month,
    List<Entry> entries,
    Map<MceList, StatedAges> ages,
    @Nullable LocalDate sexConflictDeactivated,
    String sexConflictHeading,
    long sexConflictLine) {

  /** One code on one list. */
  record Entry(MceList list, String code, String description, long line) {}

  /** An age range and the line that states it. */
  record StatedAges(AgeRange range, long line) {}
}
