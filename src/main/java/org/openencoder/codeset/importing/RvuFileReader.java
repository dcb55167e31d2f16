package org.openencoder.codeset.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CsvRecords;
import org.openencoder.codeset.CsvRecords.CsvRecord;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads the CMS National Physician Fee Schedule Relative Value File, {@code PPRRVU<yyyy>_<Mon>*},
 * one {@link RvuRecord} per code and modifier. CMS ships the same file in the RVU zip as comma
 * separated values ({@link #readCsv}) and as fixed-width text ({@link #readText}); both give the
 * same records (RVU25D is checked field by field).
 *
 * <p>Fixed-width text, from the record layout in {@code RVU26B.pdf} ("DATA RECORD"): first {@code
 * HDR} lines holding the AMA and ADA notices, then records of 171 characters (the PDF says 200; CMS
 * stopped padding). Positions, 1-based and inclusive:
 *
 * <pre>
 *   1-5 HCPCS      6-7 modifier     8-57 description   58 status code   59 not used for payment
 *  60-65 work RVU  67-72 non-facility PE RVU  73-74 its NA   76-81 facility PE RVU  82-83 its NA
 *  85-89 MP RVU    91-96 non-facility total   97-102 facility total    103 PC/TC   104-106 global
 * 107-109 pre-op  110-112 intra-op  113-115 post-op  116 mult proc  117 bilat  118 asst  119 co-surg
 * 120 team surg   121 pricing indicator (from 2026; filler before)  128-132 endoscopic base
 * 133-140 conversion factor  142-143 physician supervision  144 calculation flag
 * 146-147 diagnostic imaging family  152-157, 159-164, 166-171 PE and MP RVUs used for OPPS caps
 * </pre>
 *
 * The PDF prints the last field's position as a bare "1"; 166-171 follows from the 171-character
 * records. Percentages are written {@code .10} in the text form and {@code 0.10} in the CSV.
 *
 * <p>CSV: a banner in the description column (title, AMA and ADA notices, "RELEASED mm/dd/yyyy"),
 * then column titles spread over up to five rows above the row that starts with {@code HCPCS}, e.g.
 * "NOT USED / FOR / MEDICARE / PAYMENT". Columns are found by their joined titles, so the 31
 * columns of 2025 and the 32 of 2026 (which add "PRIC IND") both read.
 *
 * <p>Both readers are lazy and pure; they do not close the input stream, which belongs to the
 * caller.
 */
final class RvuFileReader {

  // CMS writes these files on Windows; RVU26B has a no-break space (0xA0) in one description.
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int TEXT_RECORD_LENGTH = 171;

  /** The columns, with their CSV titles (whitespace removed) and their text positions. */
  private enum Column {
    HCPCS("HCPCS", 1, 5),
    MODIFIER("MOD", 6, 7),
    DESCRIPTION("DESCRIPTION", 8, 57),
    STATUS("STATUSCODE", 58, 58),
    NOT_USED_FOR_PAYMENT("NOTUSEDFORMEDICAREPAYMENT", 59, 59),
    WORK("WORKRVU", 60, 65),
    NON_FACILITY_PE("NON-FACPERVU", 67, 72),
    NON_FACILITY_NA("NON-FACNAINDICATOR", 73, 74),
    FACILITY_PE("FACILITYPERVU", 76, 81),
    FACILITY_NA("FACILITYNAINDICATOR", 82, 83),
    MP("MPRVU", 85, 89),
    NON_FACILITY_TOTAL("NON-FACILITYTOTAL", 91, 96),
    FACILITY_TOTAL("FACILITYTOTAL", 97, 102),
    PCTC("PCTCIND", 103, 103),
    GLOBAL_DAYS("GLOBDAYS", 104, 106),
    PRE_OP("PREOP", 107, 109),
    INTRA_OP("INTRAOP", 110, 112),
    POST_OP("POSTOP", 113, 115),
    MULTIPLE_PROCEDURE("MULTPROC", 116, 116),
    BILATERAL("BILATSURG", 117, 117),
    ASSISTANT("ASSTSURG", 118, 118),
    CO_SURGEONS("CO-SURG", 119, 119),
    TEAM("TEAMSURG", 120, 120),
    PRICING("PRICIND", 121, 121),
    ENDOSCOPIC_BASE("ENDOBASE", 128, 132),
    CONVERSION_FACTOR("CONVFACTOR", 133, 140),
    SUPERVISION("PHYSICIANSUPERVISIONOFDIAGNOSTICPROCEDURES", 142, 143),
    CALCULATION_FLAG("CALCULATIONFLAG", 144, 144),
    IMAGING_FAMILY("DIAGNOSTICIMAGINGFAMILYINDICATOR", 146, 147),
    NON_FACILITY_PE_OPPS("NON-FACILITYPEUSEDFOROPPSPAYMENTAMOUNT", 152, 157),
    FACILITY_PE_OPPS("FACILITYPEUSEDFOROPPSPAYMENTAMOUNT", 159, 164),
    MP_OPPS("MPUSEDFOROPPSPAYMENTAMOUNT", 166, 171);

    final String title;
    final int from;
    final int to;

    Column(String title, int from, int to) {
      this.title = title;
      this.from = from;
      this.to = to;
    }
  }

  private RvuFileReader() {}

  /** The records of a PPRRVU .csv file, in file order. */
  static Stream<RvuRecord> readCsv(InputStream in, String fileName) {
    CsvRecords csv =
        new CsvRecords(new BufferedReader(new InputStreamReader(in, WINDOWS_1252)), fileName);
    Map<Column, Integer> columns = csvColumns(csv, fileName);
    return stream(
        () -> {
          CsvRecord record;
          do {
            record = csv.next();
            if (record == null) {
              return null;
            }
          } while (record.isBlank());
          CsvRecord data = record;
          return toRecord(
              column -> {
                Integer index = columns.get(column);
                return index == null ? "" : data.field(index);
              },
              fileName,
              data.line());
        });
  }

  /** The records of a PPRRVU fixed-width .txt file, in file order. */
  static Stream<RvuRecord> readText(InputStream in, String fileName) {
    BufferedReader text = new BufferedReader(new InputStreamReader(in, WINDOWS_1252));
    long[] lineNumber = {0};
    return stream(
        () -> {
          String line;
          try {
            do {
              line = text.readLine();
              lineNumber[0]++;
              if (line == null) {
                return null;
              }
            } while (line.isBlank() || line.startsWith("HDR"));
          } catch (IOException e) {
            throw new MalformedFileException(fileName, lineNumber[0], "cannot be read", e);
          }
          if (line.length() < TEXT_RECORD_LENGTH) {
            throw new MalformedFileException(
                fileName,
                lineNumber[0],
                "is "
                    + line.length()
                    + " characters long; a PPRRVU record has "
                    + TEXT_RECORD_LENGTH);
          }
          String record = line;
          return toRecord(
              column -> record.substring(column.from - 1, column.to), fileName, lineNumber[0]);
        });
  }

  /** Reads the banner and the column titles, up to and including the row starting "HCPCS". */
  private static Map<Column, Integer> csvColumns(CsvRecords csv, String fileName) {
    Deque<CsvRecord> above = new ArrayDeque<>();
    CsvRecord titles;
    while (true) {
      titles = csv.next();
      if (titles == null) {
        throw new MalformedFileException(fileName, 0, "has no header row starting with HCPCS");
      }
      if (titles.field(0).strip().equals("HCPCS")) {
        break;
      }
      above.push(titles);
    }
    int descriptionColumn = titles.fields().indexOf("DESCRIPTION");
    // The title of a column is its cells in the rows just above, read downwards. The banner rows
    // (title, notices, release date) hold text only in the description column; they end the run.
    List<CsvRecord> band = new ArrayList<>();
    for (CsvRecord row : above) {
      if (!hasTextOutside(row, descriptionColumn)) {
        break;
      }
      band.add(0, row);
    }
    band.add(titles);
    Map<Column, Integer> columns = new EnumMap<>(Column.class);
    for (int index = 0; index < titles.fields().size(); index++) {
      StringBuilder title = new StringBuilder();
      for (CsvRecord row : band) {
        title.append(row.field(index));
      }
      String key = WHITESPACE.matcher(title).replaceAll("").toUpperCase(Locale.ROOT);
      for (Column column : Column.values()) {
        if (column.title.equals(key)) {
          columns.putIfAbsent(column, index);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column column : Column.values()) {
      // The pricing indicator column is new in 2026; older files lack it.
      if (column != Column.PRICING && !columns.containsKey(column)) {
        missing.add(column.title);
      }
    }
    if (!missing.isEmpty()) {
      throw new MalformedFileException(
          fileName, titles.line(), "the column titles lack " + String.join(", ", missing));
    }
    return columns;
  }

  private static boolean hasTextOutside(CsvRecord row, int descriptionColumn) {
    for (int index = 0; index < row.fields().size(); index++) {
      if (index != descriptionColumn && !row.field(index).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static RvuRecord toRecord(Function<Column, String> raw, String fileName, long line) {
    Function<Column, String> value = column -> raw.apply(column).strip();
    String hcpcs = value.apply(Column.HCPCS);
    if (!CODE.matcher(hcpcs).matches()) {
      throw new MalformedFileException(fileName, line, "bad HCPCS code '" + hcpcs + "'");
    }
    String status = value.apply(Column.STATUS);
    if (status.length() != 1) {
      throw new MalformedFileException(fileName, line, hcpcs + " has status '" + status + "'");
    }
    Numbers numbers = new Numbers(value, fileName, line);
    return new RvuRecord(
        hcpcs,
        blankToNull(value.apply(Column.MODIFIER)),
        value.apply(Column.DESCRIPTION),
        status,
        flag(value.apply(Column.NOT_USED_FOR_PAYMENT), "+", fileName, line),
        numbers.get(Column.WORK),
        numbers.get(Column.NON_FACILITY_PE),
        flag(value.apply(Column.NON_FACILITY_NA), "NA", fileName, line),
        numbers.get(Column.FACILITY_PE),
        flag(value.apply(Column.FACILITY_NA), "NA", fileName, line),
        numbers.get(Column.MP),
        numbers.get(Column.NON_FACILITY_TOTAL),
        numbers.get(Column.FACILITY_TOTAL),
        value.apply(Column.PCTC),
        value.apply(Column.GLOBAL_DAYS),
        numbers.get(Column.PRE_OP),
        numbers.get(Column.INTRA_OP),
        numbers.get(Column.POST_OP),
        value.apply(Column.MULTIPLE_PROCEDURE),
        value.apply(Column.BILATERAL),
        value.apply(Column.ASSISTANT),
        value.apply(Column.CO_SURGEONS),
        value.apply(Column.TEAM),
        blankToNull(value.apply(Column.PRICING)),
        blankToNull(value.apply(Column.ENDOSCOPIC_BASE)),
        numbers.get(Column.CONVERSION_FACTOR),
        value.apply(Column.SUPERVISION),
        value.apply(Column.CALCULATION_FLAG),
        value.apply(Column.IMAGING_FAMILY),
        numbers.get(Column.NON_FACILITY_PE_OPPS),
        numbers.get(Column.FACILITY_PE_OPPS),
        numbers.get(Column.MP_OPPS),
        line);
  }

  /** Numeric fields: every record has them, 0.00 when there is no value. */
  private record Numbers(Function<Column, String> value, String fileName, long line) {
    BigDecimal get(Column column) {
      String text = value.apply(column);
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new MalformedFileException(
            fileName, line, column.title + " '" + text + "' is not a number", e);
      }
    }
  }

  private static boolean flag(String value, String set, String fileName, long line) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.equals(set)) {
      return true;
    }
    throw new MalformedFileException(
        fileName, line, "indicator '" + value + "' is neither blank nor " + set);
  }

  private static @Nullable String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private interface Source {
    @Nullable RvuRecord next();
  }

  private static Stream<RvuRecord> stream(Source source) {
    Spliterator<RvuRecord> records =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super RvuRecord> action) {
            RvuRecord record = source.next();
            if (record == null) {
              return false;
            }
            action.accept(record);
            return true;
          }
        };
    return StreamSupport.stream(records, false);
  }
}
