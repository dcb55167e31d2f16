package org.openencoder.ncci.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.ncci.AddOnEdit;
import org.openencoder.ncci.AddOnEditType;
import org.openencoder.ncci.NcciTables;
import org.springframework.stereotype.Component;

/**
 * The Medicare NCCI add-on code edit table of a quarter. Every edit is stored twice, so that both
 * questions a code page and a claim check ask are one lookup: under kind {@code aoc-add-on} keyed
 * by the add-on code (its primary codes) and under kind {@code aoc-primary} keyed by the primary
 * code (the add-on codes that may go with it). Each document is the list of edit rows in file
 * order, {@code {"type": 1, "addOnCode": "99292", "primaryCode": "99291", "effective":
 * "2013-04-01", "deleted": null, "addOnCodeDeleted": null, "primaryCodeDeleted": null,
 * "specialInstructions": null, "row": 8548}}, which {@link NcciTables} reads back.
 *
 * <p>The file keeps deleted edits (back to 2013) beside the current ones; all are stored, with
 * their dates, so that a page can say an edit ended rather than say nothing.
 */
@Component
class AddOnCodeReleaseImporter implements ReleaseImporter {

  /** The file's stand-in for "no primary code listed": contractor-defined primaries. */
  private static final String CONTRACTOR_DEFINED = "CCCCC";

  @Override
  public String dataset() {
    return NcciTables.ADD_ON_DATASET;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return NcciReleases.addOnCodes();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    LocatedFile file = files.get("aoc");
    writer.progress("Reading " + file.displayName());
    Map<String, List<Map<String, Object>>> byAddOnCode = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> byPrimaryCode = new LinkedHashMap<>();
    Map<AddOnEditType, Long> byType = new EnumMap<>(AddOnEditType.class);
    long edits = 0;
    long withoutDeletionDate = 0;
    try (InputStream in = file.open();
        Stream<AddOnCodeEdit> rows = AddOnCodeEditReader.read(in, file.readName())) {
      Iterator<AddOnCodeEdit> it = rows.iterator();
      while (it.hasNext()) {
        AddOnEdit edit = edit(it.next(), file.readName());
        Map<String, Object> doc = document(edit);
        byAddOnCode.computeIfAbsent(edit.addOnCode(), k -> new ArrayList<>()).add(doc);
        if (edit.primaryCode() != null) {
          byPrimaryCode.computeIfAbsent(edit.primaryCode(), k -> new ArrayList<>()).add(doc);
        }
        byType.merge(edit.type(), 1L, Long::sum);
        edits++;
        if (edit.deleted() == null) {
          withoutDeletionDate++;
        }
      }
    }
    byAddOnCode.forEach((code, list) -> writer.document("aoc-add-on", code, list));
    byPrimaryCode.forEach((code, list) -> writer.document("aoc-primary", code, list));
    writer.count("edits", edits);
    writer.count("addOnCodes", byAddOnCode.size());
    writer.count("primaryCodes", byPrimaryCode.size());
    for (AddOnEditType type : AddOnEditType.values()) {
      writer.count("type" + type.number() + "Edits", byType.getOrDefault(type, 0L));
    }
    writer.count("editsWithoutDeletionDate", withoutDeletionDate);
  }

  private static AddOnEdit edit(AddOnCodeEdit row, String fileName) {
    try {
      return new AddOnEdit(
          AddOnEditType.of(row.type()),
          row.addOnCode(),
          row.primaryCode().equals(CONTRACTOR_DEFINED) ? null : row.primaryCode(),
          row.effectiveDate(),
          row.deletionDate(),
          row.addOnDeletionDate(),
          row.primaryDeletionDate(),
          row.specialInstructions(),
          row.row());
    } catch (IllegalArgumentException e) {
      throw new MalformedFileException(fileName, row.row(), e.getMessage(), e);
    }
  }

  private static Map<String, Object> document(AddOnEdit edit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", edit.type().number());
    doc.put("addOnCode", edit.addOnCode());
    doc.put("primaryCode", edit.primaryCode());
    doc.put("effective", iso(edit.effective()));
    doc.put("deleted", iso(edit.deleted()));
    doc.put("addOnCodeDeleted", iso(edit.addOnCodeDeleted()));
    doc.put("primaryCodeDeleted", iso(edit.primaryCodeDeleted()));
    doc.put("specialInstructions", edit.specialInstructions());
    doc.put("row", edit.row());
    return doc;
  }

  private static @Nullable String iso(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
