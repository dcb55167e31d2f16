package org.openencoder.ncci.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads a derived copy of a Medicare NCCI PTP table, {@code ptp_<setting>_v<ver>_<quarter>
 * _no-effective-date.tsv.gz} (cms/ncci-ptp/MANIFEST.md): every row of the CMS table, gzip,
 * tab-separated with one header row, {@code column_1, column_2, [in_existence_prior_1996,]
 * deletion_date, modifier_indicator, ptp_edit_rationale}.
 *
 * <p>Its author dropped the Effective Date column before saving, so every row's {@code effective}
 * is null: the start date of an edit is unknown in this source. The v30.2 copies also lack the
 * prior-to-1996 column, and their rows are sorted by the whole row rather than kept in the CMS
 * order; the line is the line of the TSV. Deletion dates and "*" are as CMS writes them.
 *
 * <p>The reader is lazy and pure; it does not close the input stream, which belongs to the caller.
 */
final class PtpDerivedTableReader {

  private static final List<String> WITH_1996 =
      List.of(
          "column_1",
          "column_2",
          "in_existence_prior_1996",
          "deletion_date",
          "modifier_indicator",
          "ptp_edit_rationale");
  private static final List<String> WITHOUT_1996 =
      List.of("column_1", "column_2", "deletion_date", "modifier_indicator", "ptp_edit_rationale");

  private PtpDerivedTableReader() {}

  /** The rows of a derived PTP TSV (gzip), in file order. */
  static Stream<PtpRow> read(InputStream in, String fileName) {
    BufferedReader reader;
    String header;
    try {
      reader =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8),
              1 << 16);
      header = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + fileName, e);
    }
    List<String> columns = header == null ? List.of() : Arrays.asList(header.split("\t", -1));
    boolean with1996 = columns.equals(WITH_1996);
    if (!with1996 && !columns.equals(WITHOUT_1996)) {
      throw new MalformedFileException(
          fileName, 1, "the header is not " + WITHOUT_1996 + " (or with " + WITH_1996.get(2) + ")");
    }
    int count = columns.size();
    Spliterator<PtpRow> rows =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private long line = 1;

          @Override
          public boolean tryAdvance(Consumer<? super PtpRow> action) {
            String text;
            try {
              text = reader.readLine();
            } catch (IOException e) {
              throw new UncheckedIOException("Could not read " + fileName, e);
            }
            if (text == null) {
              return false;
            }
            line++;
            action.accept(row(text, count, with1996, fileName, line));
            return true;
          }
        };
    return StreamSupport.stream(rows, false);
  }

  private static PtpRow row(String text, int count, boolean with1996, String fileName, long line) {
    String[] f = PtpRowParsing.fields(text, count);
    if (f == null) {
      throw new MalformedFileException(fileName, line, "a row does not have " + count + " fields");
    }
    int at = 2;
    Boolean before1996 = null;
    if (with1996) {
      String star = f[at++];
      if (!star.isEmpty() && !star.equals("*")) {
        throw new MalformedFileException(
            fileName, line, "in_existence_prior_1996 holds '" + star + "', not * or nothing");
      }
      before1996 = star.equals("*");
    }
    return new PtpRow(
        PtpRowParsing.code(f[0], "column_1", fileName, line),
        PtpRowParsing.code(f[1], "column_2", fileName, line),
        before1996,
        null,
        PtpRowParsing.date(f[at], true, "deletion_date", fileName, line),
        PtpRowParsing.modifier(f[at + 1], fileName, line),
        PtpRowParsing.rationale(f[at + 2], fileName, line),
        line);
  }
}
