package org.openencoder.ncci.importing;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.XlsxSheetRows;
import org.openencoder.codeset.XlsxSheetRows.XlsxRow;

/**
 * Reads the Medicare NCCI add-on code edit table in its spreadsheet form, {@code
 * AOC_V<yyyy>Q<n>-MCR.xlsx}, one {@link AddOnCodeEdit} per row.
 *
 * <p>One sheet. Row 1 is the AMA copyright notice in one merged cell; row 2 names the columns
 * {@code AOC_Edit_Type, Add-On_Code, AOC_DelDT, Primary_Code, Primary_Code_DelDT, AOC_Edit_EffDT,
 * AOC_Edit_DelDT, Special_Instruction_Notes}; each following row is one add-on/primary pairing.
 * Columns are found by name. Every cell is text in the 2026 file, and an empty cell (not "*") means
 * no date.
 *
 * <p>Dates are written YYYYDDD, the year and the day of the year (an ordinal or "Julian" date):
 * 2026001 is 1 January 2026, 2013091 is 1 April 2013, 2023365 is 31 December 2023.
 *
 * <p>The reader is lazy and reads the sheet with StAX. Close the stream to release the workbook;
 * the caller's input stream is read to its end when the stream is created, and not closed.
 */
final class AddOnCodeEditReader {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
  private static final Pattern ORDINAL_DATE = Pattern.compile("\\d{7}");

  private enum Column {
    TYPE("AOC_Edit_Type"),
    ADD_ON_CODE("Add-On_Code"),
    ADD_ON_DELETION("AOC_DelDT"),
    PRIMARY_CODE("Primary_Code"),
    PRIMARY_DELETION("Primary_Code_DelDT"),
    EFFECTIVE("AOC_Edit_EffDT"),
    DELETION("AOC_Edit_DelDT"),
    NOTES("Special_Instruction_Notes");

    final String title;

    Column(String title) {
      this.title = title;
    }
  }

  private AddOnCodeEditReader() {}

  /** The edits of an AOC workbook, in sheet order. Close the stream when done. */
  static Stream<AddOnCodeEdit> read(InputStream in, String fileName) {
    XlsxSheetRows rows = new XlsxSheetRows(in, fileName);
    try {
      Map<Column, Integer> columns = header(rows, fileName);
      Spliterator<AddOnCodeEdit> edits =
          new Spliterators.AbstractSpliterator<>(
              Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super AddOnCodeEdit> action) {
              XlsxRow row;
              do {
                row = rows.next();
                if (row == null) {
                  return false;
                }
              } while (row.isBlank());
              action.accept(edit(row, columns, fileName));
              return true;
            }
          };
      return StreamSupport.stream(edits, false).onClose(rows::close);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /** Skips the notice row and finds the columns in the row that starts with AOC_Edit_Type. */
  private static Map<Column, Integer> header(XlsxSheetRows rows, String fileName) {
    XlsxRow row;
    do {
      row = rows.next();
      if (row == null) {
        throw new MalformedFileException(
            fileName, 0, "has no header row starting with " + Column.TYPE.title);
      }
    } while (!row.cell(0).strip().equalsIgnoreCase(Column.TYPE.title));
    Map<Column, Integer> columns = new EnumMap<>(Column.class);
    for (int index = 0; index < row.cells().size(); index++) {
      for (Column column : Column.values()) {
        if (row.cell(index).strip().equalsIgnoreCase(column.title)) {
          columns.putIfAbsent(column, index);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column column : Column.values()) {
      if (!columns.containsKey(column)) {
        missing.add(column.title);
      }
    }
    if (!missing.isEmpty()) {
      throw new MalformedFileException(
          fileName, row.number(), "the header row lacks the columns " + missing);
    }
    return columns;
  }

  private static AddOnCodeEdit edit(XlsxRow row, Map<Column, Integer> columns, String fileName) {
    long at = row.number();
    String typeText = value(row, columns, Column.TYPE);
    int type =
        switch (typeText) {
          case "1" -> 1;
          case "2" -> 2;
          case "3" -> 3;
          default ->
              throw new MalformedFileException(
                  fileName, at, "edit type '" + typeText + "' is not 1, 2 or 3");
        };
    LocalDate effective = date(row, columns, Column.EFFECTIVE, fileName);
    if (effective == null) {
      throw new MalformedFileException(fileName, at, "the edit has no effective date");
    }
    String notes = value(row, columns, Column.NOTES);
    return new AddOnCodeEdit(
        type,
        code(row, columns, Column.ADD_ON_CODE, fileName),
        date(row, columns, Column.ADD_ON_DELETION, fileName),
        code(row, columns, Column.PRIMARY_CODE, fileName),
        date(row, columns, Column.PRIMARY_DELETION, fileName),
        effective,
        date(row, columns, Column.DELETION, fileName),
        notes.isEmpty() ? null : notes,
        at);
  }

  private static String value(XlsxRow row, Map<Column, Integer> columns, Column column) {
    return row.cell(columns.get(column)).strip();
  }

  private static String code(
      XlsxRow row, Map<Column, Integer> columns, Column column, String fileName) {
    String code = value(row, columns, column);
    if (!CODE.matcher(code).matches()) {
      throw new MalformedFileException(
          fileName, row.number(), column.title + " '" + code + "' is not a 5-character code");
    }
    return code;
  }

  /** A YYYYDDD date; empty, or the "*" some NCCI files use, means none. */
  private static @Nullable LocalDate date(
      XlsxRow row, Map<Column, Integer> columns, Column column, String fileName) {
    String text = value(row, columns, column);
    if (text.isEmpty() || text.equals("*")) {
      return null;
    }
    if (ORDINAL_DATE.matcher(text).matches()) {
      try {
        return LocalDate.ofYearDay(
            Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4)));
      } catch (DateTimeException e) {
        throw new MalformedFileException(
            fileName, row.number(), column.title + " '" + text + "' is not a day of its year", e);
      }
    }
    throw new MalformedFileException(
        fileName, row.number(), column.title + " '" + text + "' is not a YYYYDDD date");
  }
}
