package org.openencoder.codeset.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Rows for one table, sent with PostgreSQL COPY in CSV form every few thousand rows. COPY loads a
 * release's hundred thousand codes in about a second, where row-by-row inserts take minutes.
 */
final class CopyBuffer {

  private static final int FLUSH_ROWS = 20_000;

  private final DataSource dataSource;
  private final String copySql;
  private final StringBuilder csv = new StringBuilder(1 << 20);
  private int rows;
  private long total;

  CopyBuffer(DataSource dataSource, String table, String columns) {
    this.dataSource = dataSource;
    this.copySql = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)";
  }

  void add(Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      appendValue(values[i]);
    }
    csv.append('\n');
    rows++;
    total++;
    if (rows >= FLUSH_ROWS) {
      flush();
    }
  }

  long total() {
    return total;
  }

  void flush() {
    if (rows == 0) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copySql, new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store rows: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    csv.setLength(0);
    rows = 0;
  }

  private void appendValue(Object value) {
    if (value == null) {
      return; // an unquoted empty field is NULL in CSV COPY
    }
    String text = value instanceof List<?> list ? arrayLiteral(list) : value.toString();
    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  private static String arrayLiteral(List<?> elements) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      String element = String.valueOf(elements.get(i));
      literal.append('"').append(element.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return literal.append('}').toString();
  }
}
