package org.openencoder.codeset.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.ReleaseWriter;

/** Keeps what an importer writes, for tests of importers without a database. */
final class RecordingWriter implements ReleaseWriter {

  final List<CodeRow> codes = new ArrayList<>();
  final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
  final Map<String, Long> counts = new LinkedHashMap<>();

  @Override
  public long releaseId() {
    return 1;
  }

  @Override
  public void code(CodeRow row) {
    codes.add(row);
  }

  @Override
  public void indexEntry(String source, List<String> path, String code, Object detail) {}

  @Override
  public void document(String kind, String key, Object doc) {
    documents.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, doc);
  }

  @Override
  public void count(String name, long value) {
    counts.put(name, value);
  }

  @Override
  public void progress(String message) {}
}
