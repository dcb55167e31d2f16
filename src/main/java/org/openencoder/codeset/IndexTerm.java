package org.openencoder.codeset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A term of an index or table in a release that leads to a code.
 *
 * @param source "index", "eindex", "drug", "neoplasm" or "pcs-index"
 * @param path the main term and its subterms, as printed ("Attack", "heart")
 * @param code normalized; for the ICD-10-PCS Index often the first 3 or 4 characters, the table row
 *     it sends the coder to
 * @param column the table column heading for a Drug or Neoplasm table cell, else null
 */
public record IndexTerm(String source, List<String> path, String code, @Nullable String column) {

  public IndexTerm {
    path = List.copyOf(path);
  }

  /** The index's name as printed on a code page. */
  public String sourceName() {
    return switch (source) {
      case "index" -> "Alphabetic Index";
      case "eindex" -> "External Cause of Injuries Index";
      case "drug" -> "Table of Drugs and Chemicals";
      case "neoplasm" -> "Neoplasm Table";
      case "pcs-index" -> "ICD-10-PCS Index";
      default -> source;
    };
  }
}
