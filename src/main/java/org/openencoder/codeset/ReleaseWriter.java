package org.openencoder.codeset;

import java.util.List;

/**
 * Where an importer puts a release's content. Writes are batched; nothing is visible until the
 * release is activated.
 */
public interface ReleaseWriter {

  long releaseId();

  void code(CodeRow row);

  /** An index term path leading to a code (or to a table prefix for the PCS index). */
  void indexEntry(String source, List<String> path, String code, Object detail);

  /** Content addressed by kind and key (a chapter, a definition, the MUE row of a code). */
  void document(String kind, String key, Object doc);

  void count(String name, long value);

  /** A line for the console and the status page. */
  void progress(String message);

  /**
   * A code row.
   *
   * @param code normalized, no dot
   * @param detail serialized as JSON; null for none
   */
  record CodeRow(
      String code,
      CodeEntry.Kind kind,
      boolean billable,
      String title,
      String shortTitle,
      String parent,
      int ordinal,
      Object detail) {}
}
