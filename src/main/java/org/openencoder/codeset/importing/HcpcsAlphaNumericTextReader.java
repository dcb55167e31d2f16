package org.openencoder.codeset.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads the CMS HCPCS Level II alpha-numeric file in its fixed-width text form, {@code
 * HCPC<year>_<MON>_ANWEB_<date>.txt}, one {@link HcpcsRecord} per procedure code or modifier.
 *
 * <p>The layout is the "HCPCS Contractor Record" of {@code HCPC<year>_recordlayout.txt}, shipped in
 * the same zip: records of 320 characters; positions (1-based, inclusive):
 *
 * <pre>
 *   1-5   HCPCS code (modifiers: 1-3 blank, 2-character modifier in 4-5)
 *   6-10  sequence number         11      record identification code
 *  12-91  long description (80)  92-119  short description (28)
 * 120-127 pricing indicator x4   128     multiple pricing indicator
 * 129-146 CIM section x3 (6)     147-170 MCM section x3 (8)     171-180 statute
 * 181-204 lab certification x8 (3)       205-229 cross reference x5 (5)
 * 230     coverage code          231-232 ASC payment group      233-240 ASC group date
 * 241-252 MOG group, indicator and date (blank in every 2025 record; not read)
 * 253-256 processing note        257-259 BETOS    260 filler   261-265 type of service x5
 * 266-268 anesthesia base units  269-276 added    277-284 action effective  285-292 termination
 * 293     action code            294-320 filler
 * </pre>
 *
 * Record identification codes: 3 = first line of a procedure, 7 = first line of a modifier (both
 * carry the detail fields); 4 and 8 = further lines of that procedure's or modifier's long
 * description, with nothing after position 91. A long description is therefore the text of its
 * first line and every continuation line after it, joined with spaces.
 *
 * <p>The reader is pure and lazy: lines are read as the stream is consumed. It does not close the
 * input stream, which belongs to the caller.
 */
final class HcpcsAlphaNumericTextReader {

  /** "LENGTH: 320" in the record layout; every ANWEB line has exactly this many characters. */
  static final int RECORD_LENGTH = 320;

  // CMS writes the file on Windows; it is plain ASCII in 2025, and windows-1252 decodes any byte.
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z0-9]{5}");
  private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private HcpcsAlphaNumericTextReader() {}

  /**
   * The fields of one ANWEB line as text, before they are checked: cut from a text record, or taken
   * from a spreadsheet row of the same layout. Repeated fields keep every occurrence.
   */
  record AnwebLine(
      String code,
      String recordId,
      String longDescription,
      String shortDescription,
      List<String> pricingIndicators,
      String multiplePricingIndicator,
      List<String> cimReferences,
      List<String> mcmReferences,
      String statute,
      List<String> labCertifications,
      List<String> crossReferences,
      String coverage,
      String ascGroup,
      String ascEffectiveDate,
      String processingNote,
      String betos,
      List<String> typesOfService,
      String anesthesiaBaseUnits,
      String addDate,
      String actionEffectiveDate,
      String terminationDate,
      String actionCode,
      long line) {}

  /** The records of an ANWEB text file, in file order. */
  static Stream<HcpcsRecord> read(InputStream in, String fileName) {
    BufferedReader text = new BufferedReader(new InputStreamReader(in, WINDOWS_1252));
    long[] lineNumber = {0};
    Supplier<@Nullable AnwebLine> lines =
        () -> {
          try {
            String line;
            do {
              line = text.readLine();
              lineNumber[0]++;
              if (line == null) {
                return null;
              }
              // The 2025 file ends with an empty line after its last record.
            } while (line.isBlank());
            if (line.length() != RECORD_LENGTH) {
              throw new MalformedFileException(
                  fileName,
                  lineNumber[0],
                  "is " + line.length() + " characters long; an ANWEB record has " + RECORD_LENGTH);
            }
            return cut(line, lineNumber[0]);
          } catch (IOException e) {
            throw new MalformedFileException(fileName, lineNumber[0] + 1, "cannot be read", e);
          }
        };
    return join(lines, fileName);
  }

  /**
   * Joins ANWEB lines into records: a first line (id 3 or 7) and the continuation lines (4 or 8) of
   * the same code that follow it. The supplier gives null after the last line.
   */
  static Stream<HcpcsRecord> join(Supplier<@Nullable AnwebLine> lines, String fileName) {
    Spliterator<HcpcsRecord> records =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private @Nullable AnwebLine pending;

          @Override
          public boolean tryAdvance(Consumer<? super HcpcsRecord> action) {
            AnwebLine first = pending != null ? pending : lines.get();
            pending = null;
            if (first == null) {
              return false;
            }
            HcpcsRecord record = firstLine(first, fileName);
            AnwebLine next;
            while ((next = lines.get()) != null && isContinuation(next)) {
              String expected = record.modifier() ? "8" : "4";
              if (!next.recordId().strip().equals(expected)
                  || !next.code().strip().equals(record.code())) {
                throw new MalformedFileException(
                    fileName,
                    next.line(),
                    "continuation (record id "
                        + next.recordId()
                        + ") of "
                        + next.code().strip()
                        + " does not follow a first line of that code");
              }
              record = record.withMoreDescription(next.longDescription());
            }
            pending = next;
            action.accept(record);
            return true;
          }
        };
    return StreamSupport.stream(records, false);
  }

  /** Collapses the spaces that 80-column wrapping and spreadsheet cells leave in a description. */
  static String description(String text) {
    return SPACES.matcher(text.strip()).replaceAll(" ");
  }

  private static boolean isContinuation(AnwebLine line) {
    String recordId = line.recordId().strip();
    return recordId.equals("4") || recordId.equals("8");
  }

  private static HcpcsRecord firstLine(AnwebLine line, String fileName) {
    long at = line.line();
    String recordId = line.recordId().strip();
    boolean modifier;
    String code = line.code().strip();
    switch (recordId) {
      case "3" -> {
        modifier = false;
        if (!PROCEDURE_CODE.matcher(code).matches()) {
          throw new MalformedFileException(fileName, at, "bad HCPCS code '" + code + "'");
        }
      }
      case "7" -> {
        modifier = true;
        if (!MODIFIER.matcher(code).matches()) {
          throw new MalformedFileException(fileName, at, "bad HCPCS modifier '" + code + "'");
        }
      }
      case "4", "8" ->
          throw new MalformedFileException(
              fileName, at, "continuation line of " + code + " without a first line");
      default ->
          throw new MalformedFileException(
              fileName, at, "unknown record identification code '" + recordId + "'");
    }
    String longDescription = description(line.longDescription());
    if (longDescription.isEmpty()) {
      throw new MalformedFileException(fileName, at, code + " has no long description");
    }
    LocalDate added = date(line.addDate(), "add date", fileName, at);
    if (added == null) {
      throw new MalformedFileException(fileName, at, code + " has no add date");
    }
    String actionCode = line.actionCode().strip();
    if (actionCode.isEmpty()) {
      throw new MalformedFileException(fileName, at, code + " has no action code");
    }
    return new HcpcsRecord(
        code,
        modifier,
        longDescription,
        line.shortDescription().strip(),
        present(line.pricingIndicators()),
        blankToNull(line.multiplePricingIndicator()),
        present(line.cimReferences()),
        present(line.mcmReferences()),
        blankToNull(line.statute()),
        present(line.labCertifications()),
        present(line.crossReferences()),
        blankToNull(line.coverage()),
        blankToNull(line.ascGroup()),
        date(line.ascEffectiveDate(), "ASC group date", fileName, at),
        blankToNull(line.processingNote()),
        blankToNull(line.betos()),
        present(line.typesOfService()),
        baseUnits(line.anesthesiaBaseUnits(), fileName, at),
        added,
        date(line.actionEffectiveDate(), "action effective date", fileName, at),
        date(line.terminationDate(), "termination date", fileName, at),
        actionCode,
        at);
  }

  private static AnwebLine cut(String record, long line) {
    return new AnwebLine(
        field(record, 1, 5),
        field(record, 11, 11),
        field(record, 12, 91),
        field(record, 92, 119),
        occurrences(record, 120, 2, 4),
        field(record, 128, 128),
        occurrences(record, 129, 6, 3),
        occurrences(record, 147, 8, 3),
        field(record, 171, 180),
        occurrences(record, 181, 3, 8),
        occurrences(record, 205, 5, 5),
        field(record, 230, 230),
        field(record, 231, 232),
        field(record, 233, 240),
        field(record, 253, 256),
        field(record, 257, 259),
        occurrences(record, 261, 1, 5),
        field(record, 266, 268),
        field(record, 269, 276),
        field(record, 277, 284),
        field(record, 285, 292),
        field(record, 293, 293),
        line);
  }

  /** Positions {@code from} to {@code to}, 1-based and inclusive, as the layout numbers them. */
  private static String field(String record, int from, int to) {
    return record.substring(from - 1, to);
  }

  /** A field that the layout repeats ("OCCURS MAX: n") in adjacent slots of {@code width}. */
  private static List<String> occurrences(String record, int from, int width, int count) {
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int start = from + i * width;
      values.add(field(record, start, start + width - 1));
    }
    return values;
  }

  private static List<String> present(List<String> values) {
    return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static @Nullable String blankToNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** A layout date, "EDIT RULES: YYYYMMDD"; blank means none. */
  static @Nullable LocalDate date(String value, String what, String fileName, long line) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(stripped, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new MalformedFileException(
          fileName, line, what + " '" + stripped + "' is not a YYYYMMDD date", e);
    }
  }

  private static @Nullable Integer baseUnits(String value, String fileName, long line) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (!DIGITS.matcher(stripped).matches()) {
      throw new MalformedFileException(
          fileName, line, "anesthesia base units '" + stripped + "' is not a number");
    }
    return Integer.valueOf(stripped);
  }
}
