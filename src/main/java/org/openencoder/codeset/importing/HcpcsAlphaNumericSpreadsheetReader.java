package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.XlsxSheetRows;
import org.openencoder.codeset.XlsxSheetRows.XlsxRow;
import org.openencoder.codeset.importing.HcpcsAlphaNumericTextReader.AnwebLine;

/**
 * Reads the CMS HCPCS Level II alpha-numeric file in its spreadsheet form, {@code
 * HCPC<year>_<MON>_ANWEB*.xlsx}, one {@link HcpcsRecord} per procedure code or modifier. CMS
 * publishes only this form for some quarters (October 2025 has no text file).
 *
 * <p>One sheet; row 1 names the 48 columns of the text layout (see {@link
 * HcpcsAlphaNumericTextReader}): {@code HCPC, SEQNUM, RECID, LONG DESCRIPTION, SHORT DESCRIPTION,
 * PRICE1..4, MULT_PI, CIM1..3, MCM1..3, STATUTE, LABCERT1..8, XREF1..5, COV, ASC_GRP, ASC_DT, OPPS,
 * OPPS_PI, OPPS_DT, PROCNOTE, BETOS, TOS1..5, ANEST_BU, ADD DT, ACT EFF DT, TERM DT, ACTION CD}.
 * Columns are found by name, so a reordered sheet still reads; a missing one fails the import.
 *
 * <p>Unlike the text file, the 2025 spreadsheets hold each long description whole in one row
 * (record ids 3 and 7 only); continuation rows (4 and 8) are still joined if a release has them.
 * Modifiers keep the text file's padding ({@code " A1"}); dates are YYYYMMDD, as text or as
 * numbers.
 *
 * <p>The reader is lazy and reads the sheet with StAX. Close the stream to release the workbook;
 * the caller's input stream is read to its end when the stream is created, and not closed.
 */
final class HcpcsAlphaNumericSpreadsheetReader {

  private HcpcsAlphaNumericSpreadsheetReader() {}

  /** The records of an ANWEB workbook, in sheet order. Close the stream when done. */
  static Stream<HcpcsRecord> read(InputStream in, String fileName) {
    XlsxSheetRows rows = new XlsxSheetRows(in, fileName);
    try {
      Columns columns = Columns.of(rows, fileName);
      return HcpcsAlphaNumericTextReader.join(() -> nextLine(rows, columns), fileName)
          .onClose(rows::close);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  private static @Nullable AnwebLine nextLine(XlsxSheetRows rows, Columns columns) {
    XlsxRow row;
    do {
      row = rows.next();
      if (row == null) {
        return null;
      }
    } while (row.isBlank());
    return columns.line(row);
  }

  /** Where each column of the layout sits in this sheet. */
  private static final class Columns {

    private final Map<String, Integer> byName;

    private Columns(Map<String, Integer> byName) {
      this.byName = byName;
    }

    static Columns of(XlsxSheetRows rows, String fileName) {
      XlsxRow header = rows.next();
      while (header != null && header.isBlank()) {
        header = rows.next();
      }
      if (header == null) {
        throw new MalformedFileException(fileName, 0, "the sheet is empty");
      }
      Map<String, Integer> byName = new HashMap<>();
      for (int column = 0; column < header.cells().size(); column++) {
        byName.putIfAbsent(name(header.cell(column)), column);
      }
      List<String> missing = new ArrayList<>();
      for (String required : required()) {
        if (!byName.containsKey(required)) {
          missing.add(required);
        }
      }
      if (!missing.isEmpty()) {
        throw new MalformedFileException(
            fileName, header.number(), "the header row lacks the columns " + missing);
      }
      return new Columns(byName);
    }

    private static List<String> required() {
      List<String> names = new ArrayList<>();
      names.addAll(
          List.of(
              "HCPC",
              "RECID",
              "LONG DESCRIPTION",
              "SHORT DESCRIPTION",
              "MULT_PI",
              "STATUTE",
              "COV",
              "ASC_GRP",
              "ASC_DT",
              "PROCNOTE",
              "BETOS",
              "ANEST_BU",
              "ADD DT",
              "ACT EFF DT",
              "TERM DT",
              "ACTION CD"));
      names.addAll(numbered("PRICE", 4));
      names.addAll(numbered("CIM", 3));
      names.addAll(numbered("MCM", 3));
      names.addAll(numbered("LABCERT", 8));
      names.addAll(numbered("XREF", 5));
      names.addAll(numbered("TOS", 5));
      return names;
    }

    private static List<String> numbered(String prefix, int count) {
      List<String> names = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        names.add(prefix + i);
      }
      return names;
    }

    private static String name(String header) {
      return HcpcsAlphaNumericTextReader.description(header).toUpperCase(Locale.ROOT);
    }

    AnwebLine line(XlsxRow row) {
      return new AnwebLine(
          cell(row, "HCPC"),
          cell(row, "RECID"),
          cell(row, "LONG DESCRIPTION"),
          cell(row, "SHORT DESCRIPTION"),
          cells(row, "PRICE", 4),
          cell(row, "MULT_PI"),
          cells(row, "CIM", 3),
          cells(row, "MCM", 3),
          cell(row, "STATUTE"),
          cells(row, "LABCERT", 8),
          cells(row, "XREF", 5),
          cell(row, "COV"),
          cell(row, "ASC_GRP"),
          cell(row, "ASC_DT"),
          cell(row, "PROCNOTE"),
          cell(row, "BETOS"),
          cells(row, "TOS", 5),
          cell(row, "ANEST_BU"),
          cell(row, "ADD DT"),
          cell(row, "ACT EFF DT"),
          cell(row, "TERM DT"),
          cell(row, "ACTION CD"),
          row.number());
    }

    private String cell(XlsxRow row, String name) {
      return row.cell(byName.get(name));
    }

    private List<String> cells(XlsxRow row, String prefix, int count) {
      List<String> values = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        values.add(cell(row, prefix + i));
      }
      return values;
    }
  }
}
