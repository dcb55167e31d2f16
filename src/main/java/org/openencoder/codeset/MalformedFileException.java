package org.openencoder.codeset;

/**
 * An official release file that does not match its published layout. It names the file and the line
 * (or record) so that an operator can open the file at that place; the import that meets it fails
 * and the release in force stays active.
 */
public final class MalformedFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final long line;

  public MalformedFileException(String fileName, long line, String problem) {
    super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem);
    this.fileName = fileName;
    this.line = line;
  }

  public MalformedFileException(String fileName, long line, String problem, Throwable cause) {
    super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
    this.fileName = fileName;
    this.line = line;
  }

  public String fileName() {
    return fileName;
  }

  /** The 1-based line (text files), row (spreadsheets) or XML line; 0 when unknown. */
  public long line() {
    return line;
  }
}
