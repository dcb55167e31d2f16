package org.openencoder.search;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The codes found for a query, best first.
 *
 * @param releases the release of each code system that was searched, so every result can be cited
 * @param notices what a user should know about the answer, such as a code system with no release
 *     for the date of service
 */
public record SearchResults(
    String query, List<SearchHit> results, List<SearchedRelease> releases, List<String> notices) {

  public SearchResults {
    results = List.copyOf(results);
    releases = List.copyOf(releases);
    notices = List.copyOf(notices);
  }

  /** One release that was searched. */
  public record SearchedRelease(
      String system,
      String title,
      String version,
      LocalDate effectiveFrom,
      @Nullable LocalDate effectiveTo) {}
}
