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
 * The order-file addenda that come with each CDC/CMS order file (icd10cm-order-addenda-2026.txt,
 * order_addenda_2026.txt): what changed since the previous fiscal year. Each line is an action
 * label padded to 13 characters ("Add:", "Delete:", "Revise from:", "Revise to:"), then the
 * order-file fields without the order number: for ICD-10-CM the valid flag, a blank and the code;
 * for ICD-10-PCS the code alone; then the short title (60 characters), a blank and the long title.
 * A summary of counts follows the entries after a blank line; it is not read.
 */
final class OrderAddendaReader {

  private static final Pattern CODE = Pattern.compile("[0-9A-Z]{3,7}");

  /**
   * One change.
   *
   * @param action Add, Delete, Revise from or Revise to
   * @param billable the valid flag (ICD-10-CM); null where the layout has none (ICD-10-PCS, whose
   *     addenda list only codes and tables)
   */
  record AddendaEntry(
      String action,
      String code,
      Boolean billable,
      String shortTitle,
      String longTitle,
      long line) {}

  void read(InputStream in, String fileName, Consumer<AddendaEntry> sink) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    String line;
    long number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        return; // the summary of counts follows
      }
      int colon = line.indexOf(':');
      if (colon < 0 || colon > 12 || line.length() < 20) {
        throw new MalformedFileException(
            fileName, number, "expected an action label such as \"Add:\" in columns 1-13");
      }
      String action = line.substring(0, colon).strip();
      if (!action.equals("Add")
          && !action.equals("Delete")
          && !action.equals("Revise from")
          && !action.equals("Revise to")) {
        throw new MalformedFileException(fileName, number, "unknown action \"" + action + "\"");
      }
      // ICD-10-CM puts the valid flag in column 14, then a blank; ICD-10-PCS starts the code there.
      boolean flagged =
          (line.charAt(13) == '0' || line.charAt(13) == '1') && line.charAt(14) == ' ';
      int codeStart = flagged ? 15 : 13;
      if (line.length() < codeStart + 9) {
        throw new MalformedFileException(fileName, number, "line too short for a code and title");
      }
      String code = line.substring(codeStart, codeStart + 7).strip();
      if (!CODE.matcher(code).matches()) {
        throw new MalformedFileException(fileName, number, "not a code: \"" + code + "\"");
      }
      int shortStart = codeStart + 8;
      String titles = line.substring(shortStart);
      String shortTitle = titles.length() > 60 ? titles.substring(0, 60).strip() : titles.strip();
      String longTitle = titles.length() > 61 ? titles.substring(61).strip() : shortTitle;
      sink.accept(
          new AddendaEntry(
              action,
              code,
              flagged ? line.charAt(13) == '1' : null,
              shortTitle,
              longTitle,
              number));
    }
  }
}
