package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.PcsTableDetail;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.ReleaseWriter.CodeRow;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsAxis;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsTable;
import org.springframework.stereotype.Component;

/**
 * ICD-10-PCS: the order file gives the codes and titles, the Code Tables the meaning of each
 * character, the Definitions the terms, the Index the terms that lead to tables and codes.
 */
@Component
class Icd10PcsReleaseImporter implements ReleaseImporter {

  @Override
  public String dataset() {
    return Datasets.ICD10PCS;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return OfficialReleases.icd10pcs();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    Map<String, PcsTableDetail> tables = new HashMap<>();
    LocatedFile tablesFile = files.get("tables");
    if (tablesFile != null) {
      writer.progress("Reading " + tablesFile.displayName());
      readTables(tablesFile, tables, writer);
    }
    LocatedFile order = files.get("order");
    if (order != null) {
      writer.progress("Reading " + order.displayName());
      writeCodes(order, tables, writer);
    }
    LocatedFile addenda = files.get("addenda");
    if (addenda != null) {
      writer.progress("Reading " + addenda.displayName());
      OrderAddendaImport.write(addenda, writer);
    }
    LocatedFile definitionsFile = files.get("definitions");
    if (definitionsFile != null) {
      writer.progress("Reading " + definitionsFile.displayName());
      long count = 0;
      try (InputStream in = definitionsFile.open();
          Icd10PcsDefinitionsReader reader =
              new Icd10PcsDefinitionsReader(in, definitionsFile.readName())) {
        Set<String> keys = new HashSet<>();
        for (var d :
            (Iterable<Icd10PcsDefinitionsReader.PcsDefinition>) reader.definitions()::iterator) {
          count++;
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("section", d.sectionTitle());
          doc.put("axis", d.axisTitle());
          doc.put("terms", d.terms());
          doc.put("definition", d.definition());
          doc.put("explanation", d.explanation());
          doc.put("includes", d.includes());
          for (String term : d.terms()) {
            String key =
                d.sectionCode() + "/" + d.axisPosition() + "/" + term.toLowerCase(Locale.ROOT);
            if (keys.add(key)) {
              writer.document("pcs-definition", key, doc);
            }
          }
        }
      }
      writer.count("definitions", count);
    }
    LocatedFile index = files.get("index");
    if (index != null) {
      writer.progress("Reading " + index.displayName());
      long count = 0;
      try (InputStream in = index.open();
          Icd10PcsIndexReader reader = new Icd10PcsIndexReader(in, index.readName())) {
        for (var e : (Iterable<Icd10PcsIndexReader.PcsIndexEntry>) reader.entries()::iterator) {
          count++;
          Map<String, String> detail = new LinkedHashMap<>();
          if (e.codePrefix() != null) {
            detail.put("codes", e.codePrefix());
          }
          if (e.see() != null) {
            detail.put("see", e.see());
          }
          if (e.use() != null) {
            detail.put("use", e.use());
          }
          String target = e.code() != null ? e.code() : e.codePrefix();
          writer.indexEntry("pcs-index", e.path(), target, detail);
        }
      }
      writer.count("indexEntries", count);
    }
  }

  private static void readTables(
      LocatedFile file, Map<String, PcsTableDetail> tables, ReleaseWriter writer)
      throws IOException {
    long codes = 0;
    try (InputStream in = file.open();
        Icd10PcsTablesReader reader = new Icd10PcsTablesReader(in, file.readName())) {
      for (PcsTable table : (Iterable<PcsTable>) reader.tables()::iterator) {
        List<List<PcsTableDetail.Axis>> rows = new ArrayList<>();
        for (var row : table.rows()) {
          rows.add(row.axes().stream().map(Icd10PcsReleaseImporter::axis).toList());
          codes += row.codeCount();
        }
        tables.put(
            table.tableCode(),
            new PcsTableDetail(
                table.tableAxes().stream().map(Icd10PcsReleaseImporter::axis).toList(), rows));
      }
    }
    writer.count("tables", tables.size());
    writer.count("tableCodes", codes);
  }

  private static PcsTableDetail.Axis axis(PcsAxis axis) {
    return new PcsTableDetail.Axis(
        axis.position(),
        axis.title(),
        axis.values().stream()
            .map(v -> new PcsTableDetail.Value(v.code(), v.label()))
            .collect(Collectors.toList()),
        axis.definition());
  }

  /** Headers are the 3-character tables; every code sits under its table. */
  private static void writeCodes(
      LocatedFile order, Map<String, PcsTableDetail> tables, ReleaseWriter writer)
      throws IOException {
    long[] counts = new long[3];
    try (InputStream in = order.open()) {
      new OrderFileReader()
          .read(
              in,
              order.readName(),
              entry -> {
                String code = entry.code();
                boolean table = code.length() == 3;
                writer.code(
                    new CodeRow(
                        code,
                        entry.billable() ? CodeEntry.Kind.CODE : CodeEntry.Kind.HEADER,
                        entry.billable(),
                        entry.longTitle(),
                        entry.shortTitle(),
                        table ? null : code.substring(0, 3),
                        entry.order(),
                        table ? tables.get(code) : null));
                counts[0]++;
                counts[entry.billable() ? 1 : 2]++;
              });
    }
    writer.count("codes", counts[0]);
    writer.count("validCodes", counts[1]);
    writer.count("tableHeaders", counts[2]);
  }
}
