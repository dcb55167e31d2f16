package org.openencoder.ncci.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The PTP edit rows of every release in PostgreSQL, table {@code ncci_ptp_edit} (migration V3,
 * partitioned by release: {@code ncci_ptp_edit_<release id>}), the system of record the in-memory
 * {@code PtpTable} is loaded from. A release's 2.5 million rows go in with one streamed COPY, so
 * that PostgreSQL stores rows while the reader parses the next ones, and come back with one COPY
 * out.
 */
@Repository
public class JdbcPtpEdits {

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  JdbcPtpEdits(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** Starts storing the rows of a release; close the writer to finish or to give up. */
  public RowWriter writer(long releaseId) {
    return new RowWriter(releaseId);
  }

  /** Drops the rows of a release whose import failed. */
  public void delete(long releaseId) {
    jdbc.sql("drop table if exists " + partition(releaseId)).update();
    jdbc.sql("delete from ncci_ptp_rationale where release_id = ?").param(releaseId).update();
  }

  /**
   * Each release's rows are one partition of {@code ncci_ptp_edit}. It is filled by COPY before it
   * has an index and attached after, which builds the pair index in one sort: about twice as fast
   * (measured, 2.5 million rows) as keeping the index up to date row by row.
   */
  private static String partition(long releaseId) {
    return "ncci_ptp_edit_" + releaseId;
  }

  /** The rationale texts of a release by their number. */
  public List<String> rationales(long releaseId) {
    List<String> texts =
        jdbc.sql(
                "select rationale from ncci_ptp_rationale where release_id = ? order by rationale_id")
            .param(releaseId)
            .query(String.class)
            .list();
    return List.copyOf(texts);
  }

  /** How many rows a release holds. */
  public long count(long releaseId) {
    return jdbc.sql("select count(*) from ncci_ptp_edit where release_id = ?")
        .param(releaseId)
        .query(Long.class)
        .single();
  }

  /** Receives the rows of a release as primitives, dates as epoch days. */
  @FunctionalInterface
  public interface RowSink {
    /**
     * @param effectiveDay the effective date, or {@code Integer.MIN_VALUE} when the source lacks it
     * @param deletedDay the deletion date, or {@code Integer.MAX_VALUE} for none
     */
    void row(
        String column1,
        String column2,
        int effectiveDay,
        int deletedDay,
        int modifier,
        int rationale,
        int part,
        int line);
  }

  /** Streams every row of a release, in no particular order. */
  public void read(long releaseId, RowSink sink) {
    String sql =
        "COPY (select column1, column2, effective, deleted, modifier, rationale, part, line"
            + " from ncci_ptp_edit where release_id = "
            + releaseId
            + ") TO STDOUT";
    try (Connection connection = dataSource.getConnection()) {
      CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
      byte[] row;
      while ((row = out.readFromCopy()) != null) {
        parse(row, sink);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the PTP edits: " + e.getMessage(), e);
    }
  }

  private static void parse(byte[] row, RowSink sink) {
    int[] starts = new int[9];
    int field = 0;
    starts[0] = 0;
    for (int i = 0; i < row.length && field < 8; i++) {
      if (row[i] == '\t' || row[i] == '\n') {
        starts[++field] = i + 1;
      }
    }
    if (field < 7) {
      throw new IllegalStateException(
          "A stored PTP row has "
              + (field + 1)
              + " fields: "
              + new String(row, StandardCharsets.UTF_8));
    }
    if (field == 7) {
      starts[8] = row.length + 1;
    }
    sink.row(
        text(row, starts[0], starts[1] - 1),
        text(row, starts[1], starts[2] - 1),
        day(row, starts[2], starts[3] - 1, Integer.MIN_VALUE),
        day(row, starts[3], starts[4] - 1, Integer.MAX_VALUE),
        number(row, starts[4], starts[5] - 1),
        number(row, starts[5], starts[6] - 1),
        number(row, starts[6], starts[7] - 1),
        number(row, starts[7], starts[8] - 1));
  }

  private static String text(byte[] row, int from, int to) {
    return new String(row, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static int number(byte[] row, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (row[i] - '0');
    }
    return value;
  }

  /** A date written YYYY-MM-DD, or \N (null). */
  private static int day(byte[] row, int from, int to, int none) {
    if (to - from == 2 && row[from] == '\\') {
      return none;
    }
    return (int)
        LocalDate.of(
                number(row, from, from + 4),
                number(row, from + 5, from + 7),
                number(row, from + 8, from + 10))
            .toEpochDay();
  }

  /**
   * Sends rows to PostgreSQL as they come, in COPY's text format, over one connection held for the
   * release; the rationales, a dozen texts, are numbered and stored when the writer is closed.
   */
  public final class RowWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final long releaseId;
    private final byte[] releaseText;
    private final Map<String, Integer> rationaleIds = new LinkedHashMap<>();
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private long rows;
    private @Nullable Connection connection;
    private @Nullable CopyIn copy;
    private boolean finished;

    private RowWriter(long releaseId) {
      this.releaseId = releaseId;
      this.releaseText = Long.toString(releaseId).getBytes(StandardCharsets.US_ASCII);
    }

    /** One row; codes and rationale are plain text without tabs or line breaks. */
    public void add(
        String column1,
        String column2,
        @Nullable LocalDate effective,
        @Nullable LocalDate deleted,
        @Nullable Boolean before1996,
        int modifier,
        String rationale,
        int part,
        long line) {
      if (used > BUFFER - 512) {
        send();
      }
      Integer rationaleId = rationaleIds.get(rationale);
      if (rationaleId == null) {
        rationaleId = rationaleIds.size();
        rationaleIds.put(rationale, rationaleId);
      }
      put(releaseText);
      tab();
      putAscii(column1);
      tab();
      putAscii(column2);
      tab();
      putDate(effective);
      tab();
      putDate(deleted);
      tab();
      if (before1996 == null) {
        putNull();
      } else {
        buffer[used++] = (byte) (before1996 ? 't' : 'f');
      }
      tab();
      putNumber(modifier);
      tab();
      putNumber(rationaleId);
      tab();
      putNumber(part);
      tab();
      putNumber(line);
      buffer[used++] = '\n';
      rows++;
    }

    public long rows() {
      return rows;
    }

    /** Ends the COPY, indexes the rows and stores the rationales: the rows are then in. */
    public void finish() {
      send();
      try {
        if (copy == null) {
          open(); // a release without rows still gets its (empty) partition
        }
        copy.endCopy();
        copy = null;
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          // The pair index is built by one sort at attach; the default 64 MB of sort memory
          // would spill 2.5 million keys to disk.
          statement.execute("set maintenance_work_mem = '256MB'");
          statement.execute(
              "alter table ncci_ptp_edit attach partition "
                  + partition(releaseId)
                  + " for values in ("
                  + releaseId
                  + ")");
          statement.execute("reset maintenance_work_mem");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Could not store the PTP edits: " + e.getMessage(), e);
      }
      rationaleIds.forEach(
          (text, id) ->
              jdbc.sql(
                      "insert into ncci_ptp_rationale (release_id, rationale_id, rationale)"
                          + " values (?, ?, ?)")
                  .params(releaseId, id, text)
                  .update());
      finished = true;
    }

    /**
     * Releases the connection. A writer not finished rolls back: the partition and its rows were
     * created in that transaction, so nothing of them stays.
     */
    @Override
    public void close() {
      try {
        if (connection != null) {
          if (!finished) {
            if (copy != null && copy.isActive()) {
              copy.cancelCopy();
            }
            connection.rollback();
            connection.setAutoCommit(true);
          }
          connection.close();
        }
      } catch (SQLException e) {
        if (finished) {
          throw new IllegalStateException(e);
        }
      } finally {
        copy = null;
        connection = null;
      }
    }

    private void send() {
      if (used == 0) {
        return;
      }
      try {
        if (copy == null) {
          open();
        }
        copy.writeToCopy(buffer, 0, used);
        used = 0;
      } catch (SQLException e) {
        throw new IllegalStateException("Could not store the PTP edits: " + e.getMessage(), e);
      }
    }

    /**
     * Creates the release's partition and starts the COPY in one transaction, so that COPY may
     * FREEZE the rows: the load that follows the import then reads them without setting hint bits
     * on every page, and a failed import leaves no table behind.
     */
    private void open() throws SQLException {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "create table "
                + partition(releaseId)
                + " (like ncci_ptp_edit including defaults including constraints)");
      }
      copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY "
                      + partition(releaseId)
                      + " (release_id, column1, column2, effective, deleted,"
                      + " before_1996, modifier, rationale, part, line) FROM STDIN (FREEZE)");
    }

    private void put(byte[] bytes) {
      System.arraycopy(bytes, 0, buffer, used, bytes.length);
      used += bytes.length;
    }

    private void putAscii(String text) {
      for (int i = 0; i < text.length(); i++) {
        buffer[used++] = (byte) text.charAt(i);
      }
    }

    private void tab() {
      buffer[used++] = '\t';
    }

    private void putNull() {
      buffer[used++] = '\\';
      buffer[used++] = 'N';
    }

    private void putNumber(long value) {
      if (value < 10) {
        buffer[used++] = (byte) ('0' + value);
      } else {
        putAscii(Long.toString(value));
      }
    }

    private void putDate(@Nullable LocalDate date) {
      if (date == null) {
        putNull();
      } else {
        putAscii(date.toString());
      }
    }
  }
}
