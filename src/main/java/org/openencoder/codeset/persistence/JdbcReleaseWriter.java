package org.openencoder.codeset.persistence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openencoder.codeset.ReleaseWriter;
import tools.jackson.databind.json.JsonMapper;

/** Writes a release's rows with COPY, table by table, in batches. */
public final class JdbcReleaseWriter implements ReleaseWriter {

  private final long releaseId;
  private final JsonMapper json;
  private final Consumer<String> progress;
  private final CopyBuffer codes;
  private final CopyBuffer indexEntries;
  private final CopyBuffer documents;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, Integer> indexOrdinals = new HashMap<>();

  JdbcReleaseWriter(
      long releaseId, DataSource dataSource, JsonMapper json, Consumer<String> progress) {
    this.releaseId = releaseId;
    this.json = json;
    this.progress = progress;
    this.codes =
        new CopyBuffer(
            dataSource,
            "code_entry",
            "release_id, code, kind, billable, title, short_title, parent, ordinal, detail");
    this.indexEntries =
        new CopyBuffer(
            dataSource, "index_entry", "release_id, source, ordinal, path, code, detail");
    this.documents = new CopyBuffer(dataSource, "release_document", "release_id, kind, key, doc");
  }

  @Override
  public long releaseId() {
    return releaseId;
  }

  @Override
  public void code(CodeRow row) {
    codes.add(
        releaseId,
        row.code(),
        row.kind().name(),
        row.billable(),
        row.title(),
        row.shortTitle(),
        row.parent(),
        row.ordinal(),
        row.detail() == null ? null : json.writeValueAsString(row.detail()));
  }

  @Override
  public void indexEntry(String source, List<String> path, String code, Object detail) {
    int ordinal = indexOrdinals.merge(source, 1, Integer::sum);
    indexEntries.add(
        releaseId,
        source,
        ordinal,
        path,
        code,
        detail == null ? null : json.writeValueAsString(detail));
  }

  @Override
  public void document(String kind, String key, Object doc) {
    documents.add(releaseId, kind, key, json.writeValueAsString(doc));
  }

  @Override
  public void count(String name, long value) {
    counts.put(name, value);
  }

  @Override
  public void progress(String message) {
    progress.accept(message);
  }

  /** Sends what is still buffered and returns the counts the importer reported. */
  public Map<String, Long> finish() {
    codes.flush();
    indexEntries.flush();
    documents.flush();
    return Map.copyOf(counts);
  }
}
