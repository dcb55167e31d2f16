package org.openencoder.codeset.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads an order file: every ICD-10-CM or ICD-10-PCS code and header in tabular order, with its
 * short and long title. CDC (icd10cm-order-YYYY.txt) and CMS (icd10pcs_order_YYYY.txt) share the
 * fixed layout of icd10OrderFiles.pdf and icd10pcsOrderFile.pdf:
 *
 * <pre>
 * cols 1-5    order number, right-justified, zero-filled
 * col  6      blank
 * cols 7-13   code, left-justified, blank-padded, no dot
 * col  14     blank
 * col  15     1 = valid for HIPAA-covered transactions (billable), 0 = header
 * col  16     blank
 * cols 17-76  short description, blank-padded to 60 characters
 * col  77     blank
 * cols 78-    long description
 * </pre>
 *
 * The files are ASCII with CRLF line ends. A line of any other shape fails the import rather than
 * loading a shifted code or title.
 */
final class OrderFileReader {

  private static final Pattern ORDER = Pattern.compile("\\d{5}");

  // Both code sets fit: CM codes are 3-7 characters, PCS headers 3 and PCS codes 7.
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{3,7} *");

  private static final int LONG_TITLE_COLUMN = 78;

  void read(InputStream in, String fileName, Consumer<OrderFileEntry> sink) throws IOException {
    // ISO-8859-1 maps each byte to one char, so a stray non-ASCII byte is reported with its line
    // instead of being decoded to a replacement character.
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      sink.accept(parse(line, fileName, number));
    }
  }

  private static OrderFileEntry parse(String line, String fileName, long number) {
    if (line.length() < LONG_TITLE_COLUMN) {
      throw new MalformedFileException(
          fileName,
          number,
          "the line has "
              + line.length()
              + " characters; the long description starts in column "
              + LONG_TITLE_COLUMN);
    }
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) > 0x7F) {
        throw new MalformedFileException(
            fileName, number, "non-ASCII character in column " + (i + 1));
      }
    }
    String order = line.substring(0, 5);
    if (!ORDER.matcher(order).matches()) {
      throw new MalformedFileException(
          fileName, number, "the order number (columns 1-5) is \"" + order + "\"");
    }
    for (int column : new int[] {6, 14, 16, 77}) {
      if (line.charAt(column - 1) != ' ') {
        throw new MalformedFileException(fileName, number, "column " + column + " should be blank");
      }
    }
    String code = line.substring(6, 13);
    if (!CODE.matcher(code).matches()) {
      throw new MalformedFileException(
          fileName, number, "the code (columns 7-13) is \"" + code + "\"");
    }
    char flag = line.charAt(14);
    if (flag != '0' && flag != '1') {
      throw new MalformedFileException(
          fileName, number, "the billable flag (column 15) is '" + flag + "', not 0 or 1");
    }
    String shortTitle = line.substring(16, 76).strip();
    String longTitle = line.substring(LONG_TITLE_COLUMN - 1).strip();
    if (shortTitle.isEmpty() || longTitle.isEmpty()) {
      throw new MalformedFileException(fileName, number, "a description is blank");
    }
    return new OrderFileEntry(
        Integer.parseInt(order), code.strip(), flag == '1', shortTitle, longTitle, number);
  }
}
