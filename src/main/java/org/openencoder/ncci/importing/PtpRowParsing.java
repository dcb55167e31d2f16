package org.openencoder.ncci.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;

/** The fields both PTP layouts share, checked the same way: codes, dates, modifier indicator. */
final class PtpRowParsing {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");

  private PtpRowParsing() {}

  static String code(String text, String column, String fileName, long line) {
    if (!CODE.matcher(text).matches()) {
      throw new MalformedFileException(
          fileName, line, column + " '" + text + "' is not a 5-character HCPCS/CPT code");
    }
    return text;
  }

  /** A YYYYMMDD date; "*" (no date) is null when {@code starAllowed}. */
  static @Nullable LocalDate date(
      String text, boolean starAllowed, String column, String fileName, long line) {
    if (starAllowed && text.equals("*")) {
      return null;
    }
    if (text.length() == 8) {
      int value = 0;
      boolean digits = true;
      for (int i = 0; i < 8; i++) {
        char c = text.charAt(i);
        digits &= c >= '0' && c <= '9';
        value = value * 10 + (c - '0');
      }
      if (digits) {
        try {
          return LocalDate.of(value / 10_000, value / 100 % 100, value % 100);
        } catch (DateTimeException e) {
          throw new MalformedFileException(
              fileName, line, column + " '" + text + "' is not a calendar date", e);
        }
      }
    }
    throw new MalformedFileException(
        fileName,
        line,
        column + " '" + text + "' is not a YYYYMMDD date" + (starAllowed ? " or *" : ""));
  }

  static int modifier(String text, String fileName, long line) {
    return switch (text) {
      case "0" -> 0;
      case "1" -> 1;
      case "9" -> 9;
      default ->
          throw new MalformedFileException(
              fileName, line, "modifier indicator '" + text + "' is not 0, 1 or 9");
    };
  }

  static String rationale(String text, String fileName, long line) {
    String rationale = text.strip();
    if (rationale.isEmpty()) {
      throw new MalformedFileException(fileName, line, "the edit has no PTP edit rationale");
    }
    return rationale;
  }

  /** Splits a line at its tabs into exactly {@code count} fields, or null if it has fewer. */
  static String @Nullable [] fields(String line, int count) {
    String[] fields = new String[count];
    int start = 0;
    for (int i = 0; i < count - 1; i++) {
      int tab = line.indexOf('\t', start);
      if (tab < 0) {
        return null;
      }
      fields[i] = line.substring(start, tab);
      start = tab + 1;
    }
    int tab = line.indexOf('\t', start);
    fields[count - 1] = tab < 0 ? line.substring(start) : line.substring(start, tab);
    // Anything after the last field must be padding: CMS pads its header lines with tabs.
    if (tab >= 0 && !line.substring(tab).isBlank()) {
      return null;
    }
    return fields;
  }
}
