package org.openencoder.ncci.importing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openencoder.codeset.CsvRecords;
import org.openencoder.codeset.CsvRecords.CsvRecord;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads a Medicare NCCI MUE table in its CSV form, {@code MCR_MUE_<Setting>_Eff_<mm-dd-yyyy>.csv},
 * for any of the three settings (Practitioner Services, Outpatient Hospital Services, DME Supplier
 * Services), one {@link MueEntry} per code.
 *
 * <p>The layout, as CMS ships it in 2026:
 *
 * <pre>
 * "Current Procedural Terminology (CPT) codes ... (the AMA notice, seven lines in one quoted field)",,,
 * "HCPCS/
 * CPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale
 * 0001U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
 * </pre>
 *
 * The notice and the first header are quoted fields with line breaks inside, so the file is read as
 * CSV records, not lines. The header is the first record whose first field starts with "HCPCS"; its
 * second column names the setting ("... MUE Values"). The adjudication indicator column holds the
 * MAI digit followed by its meaning.
 *
 * <p>The reader is lazy and pure; it does not close the input stream, which belongs to the caller.
 */
final class MueFileReader {

  // CMS writes these files on Windows: the notice's registered sign is the single byte 0xAE.
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
  private static final Pattern VALUE = Pattern.compile("\\d+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern INDICATOR = Pattern.compile("([123])\\s*(.*)");

  private MueFileReader() {}

  /** The rows of an MUE CSV table, in file order. */
  static Stream<MueEntry> read(InputStream in, String fileName) {
    CsvRecords csv =
        new CsvRecords(new BufferedReader(new InputStreamReader(in, WINDOWS_1252)), fileName);
    checkHeader(csv, fileName);
    Spliterator<MueEntry> entries =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super MueEntry> action) {
            CsvRecord record;
            do {
              record = csv.next();
              if (record == null) {
                return false;
              }
            } while (record.isBlank());
            action.accept(entry(record, fileName));
            return true;
          }
        };
    return StreamSupport.stream(entries, false);
  }

  /** Skips the notice and checks the header: code, MUE values, MAI and rationale, in that order. */
  private static void checkHeader(CsvRecords csv, String fileName) {
    while (true) {
      CsvRecord record = csv.next();
      if (record == null) {
        throw new MalformedFileException(fileName, 0, "has no header row starting with HCPCS");
      }
      if (!record.field(0).strip().toUpperCase(Locale.ROOT).startsWith("HCPCS")) {
        continue;
      }
      if (!titled(record, 1, "MUE VALUES")
          || !titled(record, 2, "MUE ADJUDICATION INDICATOR")
          || !titled(record, 3, "MUE RATIONALE")) {
        throw new MalformedFileException(
            fileName,
            record.line(),
            "the header is not 'HCPCS/CPT Code, <setting> MUE Values, MUE Adjudication Indicator,"
                + " MUE Rationale': "
                + record.fields());
      }
      return;
    }
  }

  private static boolean titled(CsvRecord header, int column, String ending) {
    String title = WHITESPACE.matcher(header.field(column).strip()).replaceAll(" ");
    return title.toUpperCase(Locale.ROOT).endsWith(ending);
  }

  private static MueEntry entry(CsvRecord record, String fileName) {
    long line = record.line();
    String code = record.field(0).strip();
    if (!CODE.matcher(code).matches()) {
      throw new MalformedFileException(fileName, line, "bad HCPCS/CPT code '" + code + "'");
    }
    String value = record.field(1).strip();
    if (!VALUE.matcher(value).matches()) {
      throw new MalformedFileException(
          fileName, line, code + " has MUE value '" + value + "', not a whole number");
    }
    Matcher indicator = INDICATOR.matcher(record.field(2).strip());
    if (!indicator.matches()) {
      throw new MalformedFileException(
          fileName,
          line,
          code + " has adjudication indicator '" + record.field(2) + "', not 1, 2 or 3");
    }
    return new MueEntry(
        code,
        Integer.parseInt(value),
        Integer.parseInt(indicator.group(1)),
        indicator.group(2).strip(),
        record.field(3).strip(),
        line);
  }
}
