package org.openencoder.ncci.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads one part of a Medicare NCCI PTP table in CMS's text form, {@code ccipra-v<ver>r0-f<n>.TXT}
 * (practitioner) or {@code ccioph-v<ver>r0-f<n>.TXT} (outpatient hospital), one {@link PtpRow} per
 * edit row. CMS splits a quarter's table into four parts (f1..f4) by Column 1 code range, because
 * each part must fit an Excel sheet.
 *
 * <p>The layout, as in the v32.2 practitioner f1 (cms/ncci-ptp/MANIFEST.md): tab-separated, lines
 * padded with tabs, six header lines and then seven fields a row:
 *
 * <pre>
 * CPT only copyright 2025 American Medical Association.  All rights reserved.
 * Column1/Column2 Edits
 * Column 1 | Column 2 | *=in existence prior to 1996 | Effective Date | Deletion Date | Modifier | PTP Edit Rationale
 *          |          |                              |                | *=no data     | 0=not allowed |
 *          |          |                              |                |               | 1=allowed     |
 *          |          |                              |                |               | 9=not applicable |
 * 0001A    0591T              20220101   20231231   1   CPT Manual or CMS manual coding instruction
 * </pre>
 *
 * (the {@code |} above stand for tabs). The fields are Column 1, Column 2, "*" or empty (the code
 * pair existed before 1996), the Effective Date YYYYMMDD, the Deletion Date YYYYMMDD or "*" (none),
 * the modifier indicator 0, 1 or 9, and the PTP edit rationale. The header is found by its "Column
 * 1" line, not by counting, and the continuation lines under it are skipped: their first field is
 * empty. CMS writes the files in Windows-1252 (the notice's characters); the data are ASCII.
 *
 * <p>The reader is lazy and pure; it does not close the input stream, which belongs to the caller.
 */
final class PtpEditFileReader {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int FIELDS = 7;

  /** The header must appear within the first lines; a file without one is not a PTP table. */
  private static final int HEADER_WITHIN = 20;

  private PtpEditFileReader() {}

  /** The rows of a PTP text part, in file order. */
  static Stream<PtpRow> read(InputStream in, String fileName) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, WINDOWS_1252), 1 << 16);
    long[] lineNumber = {0};
    String first = skipHeader(reader, fileName, lineNumber);
    Spliterator<PtpRow> rows =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private String pending = first;

          @Override
          public boolean tryAdvance(Consumer<? super PtpRow> action) {
            String line;
            do {
              if (pending != null) {
                line = pending;
                pending = null;
              } else {
                line = readLine(reader, fileName);
                if (line == null) {
                  return false;
                }
                lineNumber[0]++;
              }
            } while (line.isBlank());
            action.accept(row(line, fileName, lineNumber[0]));
            return true;
          }
        };
    return StreamSupport.stream(rows, false);
  }

  /**
   * Reads up to the first data line and returns it (null for a table with no rows): the "Column 1"
   * header line, then the continuation lines whose first field is empty.
   */
  private static String skipHeader(BufferedReader reader, String fileName, long[] lineNumber) {
    boolean header = false;
    while (true) {
      String line = readLine(reader, fileName);
      if (line == null) {
        if (!header) {
          throw new MalformedFileException(fileName, 0, "has no 'Column 1' header line");
        }
        return null;
      }
      lineNumber[0]++;
      String firstField = line.split("\t", 2)[0].strip();
      if (!header) {
        if (firstField.startsWith("Column 1")) {
          if (!line.contains("Column 2") || !line.contains("Deletion")) {
            throw new MalformedFileException(
                fileName,
                lineNumber[0],
                "the header is not 'Column 1, Column 2, *=in existence prior to 1996, Effective"
                    + " Date, Deletion Date, Modifier, PTP Edit Rationale'");
          }
          header = true;
        } else if (lineNumber[0] >= HEADER_WITHIN) {
          throw new MalformedFileException(
              fileName, lineNumber[0], "no 'Column 1' header line in the first lines");
        }
      } else if (!firstField.isEmpty()) {
        return line;
      }
    }
  }

  private static String readLine(BufferedReader reader, String fileName) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + fileName, e);
    }
  }

  private static PtpRow row(String text, String fileName, long line) {
    String[] f = PtpRowParsing.fields(text, FIELDS);
    if (f == null) {
      throw new MalformedFileException(
          fileName, line, "a row has " + text.split("\t", -1).length + " fields, not " + FIELDS);
    }
    String before1996 = f[2].strip();
    if (!before1996.isEmpty() && !before1996.equals("*")) {
      throw new MalformedFileException(
          fileName, line, "the prior-to-1996 column holds '" + before1996 + "', not * or nothing");
    }
    return new PtpRow(
        PtpRowParsing.code(f[0].strip(), "Column 1", fileName, line),
        PtpRowParsing.code(f[1].strip(), "Column 2", fileName, line),
        before1996.equals("*"),
        PtpRowParsing.date(f[3].strip(), false, "Effective Date", fileName, line),
        PtpRowParsing.date(f[4].strip(), true, "Deletion Date", fileName, line),
        PtpRowParsing.modifier(f[5].strip(), fileName, line),
        PtpRowParsing.rationale(f[6], fileName, line),
        line);
  }
}
