package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.Icd10CmDetail;
import org.openencoder.codeset.Icd10CmDetail.NoteKind;
import org.openencoder.codeset.Icd10CmDetail.SeventhCharacterDefinition;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.ReleaseWriter.CodeRow;
import org.springframework.stereotype.Component;

/**
 * ICD-10-CM: the order file gives the code list and titles; the Tabular List adds the hierarchy of
 * chapters and sections and every instructional note; the indexes and tables add the terms that
 * lead to codes.
 */
@Component
class Icd10CmReleaseImporter implements ReleaseImporter {

  @Override
  public String dataset() {
    return Datasets.ICD10CM;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return OfficialReleases.icd10cm();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    Map<String, Icd10CmDetail> details = new HashMap<>();
    LocatedFile tabular = files.get("tabular");
    if (tabular != null) {
      writer.progress("Reading " + tabular.displayName());
      readTabular(tabular, details, writer);
    }
    LocatedFile order = files.get("order");
    if (order != null) {
      writer.progress("Reading " + order.displayName());
      writeCodes(order, details, writer);
    }
    LocatedFile addenda = files.get("addenda");
    if (addenda != null) {
      writer.progress("Reading " + addenda.displayName());
      OrderAddendaImport.write(addenda, writer);
    }
    for (String source : List.of("index", "eindex")) {
      LocatedFile index = files.get(source);
      if (index != null) {
        writer.progress("Reading " + index.displayName());
        long[] count = {0};
        try (InputStream in = index.open()) {
          new Icd10CmIndexReader()
              .read(
                  in,
                  index.readName(),
                  entry -> {
                    Map<String, String> detail = new LinkedHashMap<>();
                    putIfPresent(detail, "code", entry.code());
                    putIfPresent(detail, "manifestation", entry.manifestationCode());
                    putIfPresent(detail, "see", entry.see());
                    putIfPresent(detail, "seeAlso", entry.seeAlso());
                    putIfPresent(detail, "seeCategory", entry.seeCategory());
                    putIfPresent(detail, "seeSubcategory", entry.seeSubcategory());
                    writer.indexEntry(source, entry.path(), normalize(entry.code()), detail);
                    count[0]++;
                  });
        }
        writer.count(source + "Entries", count[0]);
      }
    }
    for (String source : List.of("drug", "neoplasm")) {
      LocatedFile table = files.get(source);
      if (table != null) {
        writer.progress("Reading " + table.displayName());
        readTable(source, table, writer);
      }
    }
  }

  private static void readTabular(
      LocatedFile tabular, Map<String, Icd10CmDetail> details, ReleaseWriter writer)
      throws IOException {
    Map<String, Map<String, Object>> chapters = new LinkedHashMap<>();
    Map<String, String> sectionTitles = new HashMap<>();
    long[] counts = new long[4]; // diags, excludes1 blocks, excludes1 entries, notes
    try (InputStream in = tabular.open()) {
      new Icd10CmTabularReader()
          .read(
              in,
              tabular.readName(),
              new Icd10CmTabularReader.Listener() {
                /** Excludes1 notes are printed at chapters, sections and codes alike. */
                private void countExcludes1(TabularNotes notes) {
                  if (!notes.excludes1().isEmpty()) {
                    counts[1]++;
                    counts[2] += notes.excludes1().size();
                  }
                }

                @Override
                public void chapter(TabularChapter chapter) {
                  Map<String, Object> doc = new LinkedHashMap<>();
                  doc.put("name", chapter.name());
                  doc.put("desc", chapter.desc());
                  doc.put("notes", notes(chapter.notes()));
                  doc.put("sections", new ArrayList<Map<String, String>>());
                  chapters.put(chapter.name(), doc);
                  countExcludes1(chapter.notes());
                }

                @Override
                @SuppressWarnings("unchecked")
                public void section(TabularSection section) {
                  Map<String, Object> doc = new LinkedHashMap<>();
                  doc.put("id", section.id());
                  doc.put("desc", section.desc());
                  doc.put("first", section.first());
                  doc.put("last", section.last());
                  doc.put("chapter", section.chapter());
                  doc.put("notes", notes(section.notes()));
                  writer.document("cm-section", section.id(), doc);
                  countExcludes1(section.notes());
                  sectionTitles.put(section.id(), section.desc());
                  Map<String, Object> chapter = chapters.get(section.chapter());
                  if (chapter != null) {
                    ((List<Map<String, String>>) chapter.get("sections"))
                        .add(
                            Map.of(
                                "id", section.id(),
                                "desc", section.desc(),
                                "first", section.first(),
                                "last", section.last()));
                    chapter.putIfAbsent("first", section.first());
                    chapter.put("last", section.last());
                  }
                }

                @Override
                public void diag(TabularDiag diag) {
                  counts[0]++;
                  countExcludes1(diag.notes());
                  Map<String, List<String>> notes = notes(diag.notes());
                  counts[3] += notes.values().stream().mapToLong(List::size).sum();
                  Map<String, Object> chapter = chapters.get(diag.chapter());
                  details.put(
                      normalize(diag.code()),
                      new Icd10CmDetail(
                          diag.chapter(),
                          chapter == null ? null : (String) chapter.get("desc"),
                          diag.section(),
                          sectionTitles.get(diag.section()),
                          notes,
                          diag.notes().sevenChrDef().stream()
                              .map(
                                  s ->
                                      new SeventhCharacterDefinition(
                                          String.valueOf(s.character()),
                                          s.meaning(),
                                          s.inclusionTerms()))
                              .toList()));
                }
              });
    }
    chapters.forEach((name, doc) -> writer.document("cm-chapter", name, doc));
    writer.count("tabularEntries", counts[0]);
    writer.count("excludes1Notes", counts[1]);
    writer.count("excludes1Entries", counts[2]);
    writer.count("instructionalNotes", counts[3]);
    writer.count("chapters", chapters.size());
    writer.count("sections", sectionTitles.size());
  }

  static Map<String, List<String>> notes(TabularNotes notes) {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    put(byKind, NoteKind.NOTES, notes.notes());
    put(byKind, NoteKind.INCLUSION_TERM, notes.inclusionTerm());
    put(byKind, NoteKind.INCLUDES, notes.includes());
    put(byKind, NoteKind.EXCLUDES1, notes.excludes1());
    put(byKind, NoteKind.EXCLUDES2, notes.excludes2());
    put(byKind, NoteKind.CODE_FIRST, notes.codeFirst());
    put(byKind, NoteKind.USE_ADDITIONAL_CODE, notes.useAdditionalCode());
    put(byKind, NoteKind.CODE_ALSO, notes.codeAlso());
    put(byKind, NoteKind.SEVEN_CHR_NOTE, notes.sevenChrNote());
    return byKind;
  }

  private static void put(Map<String, List<String>> byKind, NoteKind kind, List<String> texts) {
    if (!texts.isEmpty()) {
      byKind.put(kind.key(), texts);
    }
  }

  /**
   * The order file lists every header and code in tabular order, so a code's parent is the nearest
   * earlier entry that is a prefix of it (T07XXXA under T07: the placeholder positions have no
   * entries of their own).
   */
  private static void writeCodes(
      LocatedFile order, Map<String, Icd10CmDetail> details, ReleaseWriter writer)
      throws IOException {
    Deque<String> ancestors = new ArrayDeque<>();
    long[] counts = new long[3];
    try (InputStream in = order.open()) {
      new OrderFileReader()
          .read(
              in,
              order.readName(),
              entry -> {
                while (!ancestors.isEmpty() && !entry.code().startsWith(ancestors.peek())) {
                  ancestors.pop();
                }
                String parent = ancestors.peek();
                writer.code(
                    new CodeRow(
                        entry.code(),
                        entry.billable() ? CodeEntry.Kind.CODE : CodeEntry.Kind.HEADER,
                        entry.billable(),
                        entry.longTitle(),
                        entry.shortTitle(),
                        parent,
                        entry.order(),
                        details.get(entry.code())));
                ancestors.push(entry.code());
                counts[0]++;
                counts[entry.billable() ? 1 : 2]++;
              });
    }
    writer.count("codes", counts[0]);
    writer.count("billableCodes", counts[1]);
    writer.count("headers", counts[2]);
  }

  private static void readTable(String source, LocatedFile table, ReleaseWriter writer)
      throws IOException {
    long[] count = {0, 0};
    try (InputStream in = table.open()) {
      new Icd10CmTableReader()
          .read(
              in,
              table.readName(),
              new Icd10CmTableReader.Listener() {
                @Override
                public void columnHeadings(List<String> headings) {}

                @Override
                public void row(TableRow row) {
                  count[0]++;
                  if (row.codeByColumnHeading().isEmpty()) {
                    Map<String, String> detail = new LinkedHashMap<>();
                    putIfPresent(detail, "see", row.see());
                    putIfPresent(detail, "seeAlso", row.seeAlso());
                    writer.indexEntry(source, row.path(), null, detail);
                  }
                  row.codeByColumnHeading()
                      .forEach(
                          (column, code) -> {
                            count[1]++;
                            writer.indexEntry(
                                source,
                                row.path(),
                                normalize(code),
                                Map.of("column", column, "code", code));
                          });
                }
              });
    }
    writer.count(source + "Rows", count[0]);
    writer.count(source + "Cells", count[1]);
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** "T51.3X1" and "C79.8-" as the index prints them, stored as T513X1 and C798. */
  static String normalize(String printed) {
    if (printed == null) {
      return null;
    }
    String code = printed.replace(".", "").strip();
    return code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
  }
}
