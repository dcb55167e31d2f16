package org.openencoder.codeset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of a comma-separated file as CMS writes them (RFC 4180): fields are separated by
 * commas, a field that holds a comma, a quote or a line break is quoted, and a quote inside it is
 * doubled. CMS relies on the line breaks: the MUE tables open with a quoted AMA notice of seven
 * lines and quote their header {@code "HCPCS/<LF>CPT Code"}. So a record is not a text line, and
 * each record remembers the text line it starts on, for error messages.
 *
 * <p>Forward-only and pure; it does not close the reader, which belongs to the caller. Public so
 * that the readers of every module that imports official files share one CSV parser.
 */
public final class CsvRecords {

  private static final int NONE = -2;

  /** One record: its fields in file order and the 1-based text line it starts on. */
  public record CsvRecord(List<String> fields, long line) {
    public CsvRecord {
      fields = List.copyOf(fields);
    }

    /** The field at a 0-based column, or "" past the end of a short record. */
    public String field(int column) {
      return column < fields.size() ? fields.get(column) : "";
    }

    public boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private final Reader in;
  private final String fileName;
  private long line = 1;
  private int pushedBack = NONE;
  private boolean started;

  public CsvRecords(Reader in, String fileName) {
    this.in = in;
    this.fileName = fileName;
  }

  /** The next record, or null at the end of the file. */
  public @Nullable CsvRecord next() {
    try {
      int c = read();
      if (!started) {
        started = true;
        // Excel's "CSV UTF-8" starts with a byte order mark that is not part of the first field.
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        return null;
      }
      long start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      while (true) {
        if (c == '"' && field.length() == 0) {
          c = readQuoted(field, start);
        } else {
          while (c != ',' && c != '\r' && c != '\n' && c != -1) {
            field.append((char) c);
            c = read();
          }
        }
        fields.add(field.toString());
        field.setLength(0);
        if (c == ',') {
          c = read();
          continue;
        }
        if (c == '\r') {
          int next = read();
          if (next != '\n') {
            pushedBack = next;
          }
        }
        if (c != -1) {
          line++;
        }
        return new CsvRecord(fields, start);
      }
    } catch (IOException e) {
      throw new MalformedFileException(fileName, line, "cannot be read", e);
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int readQuoted(StringBuilder field, long start) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new MalformedFileException(
            fileName, start, "a quoted field opened on this line is never closed");
      }
      if (c == '"') {
        int next = read();
        if (next != '"') {
          if (next != ',' && next != '\r' && next != '\n' && next != -1) {
            throw new MalformedFileException(
                fileName, line, "text follows the closing quote of a field");
          }
          return next;
        }
      } else if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    return in.read();
  }
}
