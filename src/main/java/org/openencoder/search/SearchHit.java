package org.openencoder.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One code found.
 *
 * @param system the code system's slug
 * @param code as printed in the code book (ICD-10-CM with its dot)
 * @param title the long title; empty for CPT without a licence
 * @param matchedOn why it came up: "code", "title", "title (fuzzy)", or the index term or synonym
 *     it was reached by, e.g. "index term 'Attack, heart'"
 * @param highlights the stretches of the title the query's words matched, for display
 * @param category the code one level up, printed, so a user can widen the search; null at the top
 * @param categoryTitle that code's title
 * @param release the title of the release the code was found in
 */
public record SearchHit(
    String system,
    String code,
    String title,
    boolean billable,
    float score,
    String matchedOn,
    List<Span> highlights,
    @Nullable String category,
    @Nullable String categoryTitle,
    String release) {

  public SearchHit {
    highlights = List.copyOf(highlights);
  }

  /** Characters [start, end) of the title. */
  public record Span(int start, int end) {}
}
