package org.openencoder.claims.web;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CsvRecords;
import org.openencoder.codeset.CsvRecords.CsvRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims from CSV, one row per service line: rows with the same {@code claim} value, one after
 * another, are one claim, whose claim-level fields come from its first row. The header names the
 * columns (any order; unknown columns are ignored):
 *
 * <pre>
 * claim,setting,dateOfService,age,birthDate,sex,placeOfService,diagnoses,code,modifiers,units,diagnosisPointers,lineDateOfService
 * </pre>
 *
 * Lists (diagnoses, modifiers, pointers) are separated by spaces or semicolons. Each claim becomes
 * the JSON of {@code POST /api/v1/claims/check}, so it gets the same field-level errors.
 */
final class ClaimCsv {

  static final List<String> COLUMNS =
      List.of(
          "claim",
          "setting",
          "dateOfService",
          "age",
          "birthDate",
          "sex",
          "placeOfService",
          "diagnoses",
          "code",
          "modifiers",
          "units",
          "diagnosisPointers",
          "lineDateOfService");

  /** One claim of the file: its id, the row it starts on, and its JSON form. */
  record CsvClaim(String id, long row, ObjectNode json) {}

  private final CsvRecords records;
  private final JsonMapper json;
  private final Map<String, Integer> columns = new HashMap<>();
  private @Nullable CsvRecord pending;

  ClaimCsv(Reader in, JsonMapper json) {
    this.records = new CsvRecords(in, "claims.csv");
    this.json = json;
    CsvRecord header = records.next();
    if (header == null) {
      throw new IllegalArgumentException("The CSV is empty: it needs a header row");
    }
    for (int i = 0; i < header.fields().size(); i++) {
      for (String column : COLUMNS) {
        if (column
            .toLowerCase(Locale.ROOT)
            .equals(header.field(i).strip().toLowerCase(Locale.ROOT))) {
          columns.put(column, i);
        }
      }
    }
    if (!columns.containsKey("claim") || !columns.containsKey("code")) {
      throw new IllegalArgumentException(
          "The CSV header needs at least the columns claim and code; columns: "
              + String.join(",", COLUMNS));
    }
    pending = nextRow();
  }

  /** The next claim, or null at the end of the file. */
  @Nullable CsvClaim next() {
    if (pending == null) {
      return null;
    }
    CsvRecord first = pending;
    String id = field(first, "claim");
    ObjectNode claim = json.createObjectNode();
    put(claim, "setting", field(first, "setting"));
    put(claim, "dateOfService", field(first, "dateOfService"));
    put(claim, "placeOfService", field(first, "placeOfService"));
    ObjectNode patient = json.createObjectNode();
    putNumber(patient, "age", field(first, "age"));
    put(patient, "birthDate", field(first, "birthDate"));
    put(patient, "sex", field(first, "sex"));
    if (!patient.isEmpty()) {
      claim.set("patient", patient);
    }
    claim.set("diagnoses", list(field(first, "diagnoses"), false));
    ArrayNode lines = claim.putArray("lines");
    CsvRecord row = first;
    while (row != null && field(row, "claim").equals(id)) {
      ObjectNode line = lines.addObject();
      put(line, "code", field(row, "code"));
      line.set("modifiers", list(field(row, "modifiers"), false));
      putNumber(line, "units", field(row, "units"));
      line.set("diagnosisPointers", list(field(row, "diagnosisPointers"), true));
      put(line, "dateOfService", field(row, "lineDateOfService"));
      row = nextRow();
    }
    pending = row;
    return new CsvClaim(id, first.line(), claim);
  }

  private @Nullable CsvRecord nextRow() {
    CsvRecord row = records.next();
    while (row != null && row.isBlank()) {
      row = records.next();
    }
    return row;
  }

  private String field(CsvRecord row, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : row.field(index).strip();
  }

  private static void put(ObjectNode node, String name, String value) {
    if (!value.isEmpty()) {
      node.put(name, value);
    }
  }

  /** A number stays a string when it is not one, so that the claim reader names the field. */
  private static void putNumber(ObjectNode node, String name, String value) {
    if (ClaimJson.isWholeNumber(value)) {
      node.put(name, Integer.parseInt(value));
    } else {
      put(node, name, value);
    }
  }

  private ArrayNode list(String value, boolean numbers) {
    ArrayNode list = json.createArrayNode();
    List<String> items = new ArrayList<>();
    for (String item : value.split("[;\\s]+")) {
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    for (String item : items) {
      if (numbers && !item.startsWith("-") && ClaimJson.isWholeNumber(item)) {
        list.add(Integer.parseInt(item));
      } else {
        list.add(item);
      }
    }
    return list;
  }
}
