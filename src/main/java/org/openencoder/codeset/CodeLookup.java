package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "what is code X on date D": the release in force, the code as it lists it, or why
 * there is none, with the nearest codes that do exist.
 *
 * @param date the date of service asked for, or null for "the newest release we hold"
 * @param release the release consulted, or null when none covers the date
 */
public record CodeLookup(
    CodeSystem system,
    String requested,
    String code,
    LocalDate date,
    Status status,
    Release release,
    CodeEntry entry,
    List<CodeEntry> nearest,
    List<Release> otherReleasesListingIt) {

  public enum Status {
    FOUND,
    /** The code does not have the shape of a code of this system. */
    INVALID_SHAPE,
    /** No loaded release of this system covers the date of service. */
    NO_RELEASE_IN_FORCE,
    /** The release in force does not list the code. */
    NOT_IN_RELEASE,
    /** The release in force lacks the file that lists codes (an index-tables-only release). */
    CODE_LIST_MISSING
  }

  public boolean found() {
    return status == Status.FOUND;
  }

  public String displayCode() {
    return system.display(code);
  }
}
