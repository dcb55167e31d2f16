package org.openencoder.search;

import java.util.List;

/** The codes found for a query, best first. */
public record SearchResults(String query, List<SearchHit> results) {

  public SearchResults {
    results = List.copyOf(results);
  }
}
