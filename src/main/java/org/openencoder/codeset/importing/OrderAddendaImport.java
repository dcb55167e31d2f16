package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseWriter;

/**
 * Stores the order-file addenda of an ICD-10-CM or ICD-10-PCS release by code, so that code pages
 * can say when a code was added, deleted or retitled.
 */
final class OrderAddendaImport {

  private OrderAddendaImport() {}

  /** The order-file addenda: what changed since the previous fiscal year, by code. */
  static void write(LocatedFile file, ReleaseWriter writer) throws IOException {
    Map<String, List<Map<String, Object>>> byCode = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (InputStream in = file.open()) {
      new OrderAddendaReader()
          .read(
              in,
              file.readName(),
              entry -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("action", entry.action());
                change.put("billable", entry.billable());
                change.put("title", entry.longTitle());
                byCode.computeIfAbsent(entry.code(), k -> new ArrayList<>()).add(change);
                counts.merge(entry.action(), 1L, Long::sum);
              });
    }
    byCode.forEach((code, changes) -> writer.document("addenda", code, changes));
    writer.count("addendaAdditions", counts.getOrDefault("Add", 0L));
    writer.count("addendaDeletions", counts.getOrDefault("Delete", 0L));
    writer.count("addendaRevisions", counts.getOrDefault("Revise to", 0L));
  }
}
