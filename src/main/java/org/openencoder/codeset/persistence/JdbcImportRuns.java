package org.openencoder.codeset.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import runs as rows, so that every node's status page shows the same progress, and the advisory
 * lock that lets only one node import at a time.
 */
@Repository
public class JdbcImportRuns {

  private static final Logger log = LoggerFactory.getLogger("org.openencoder.import");

  /** Advisory lock key: "OEIMPORT" read as a number; any constant shared by all nodes will do. */
  private static final long IMPORT_LOCK = 0x4F45494D504F5254L;

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  JdbcImportRuns(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} while holding the import lock. A node that finds the lock taken waits for the
   * other node's import, then runs its own (which finds the releases already imported).
   */
  public <T> T exclusively(int totalSteps, Function<Run, T> work) {
    try (Connection lockConnection = dataSource.getConnection()) {
      try (PreparedStatement lock = lockConnection.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, IMPORT_LOCK);
        lock.execute();
      }
      long id =
          jdbc.sql(
                  "insert into import_run (node, state, total_steps) values (?, 'running', ?) returning id")
              .params(node(), totalSteps)
              .query(Long.class)
              .single();
      Run run = new Run(id);
      try {
        T result = work.apply(run);
        jdbc.sql(
                "update import_run set state = 'finished', finished_at = now(), step = null where id = ?")
            .param(id)
            .update();
        return result;
      } catch (RuntimeException e) {
        run.log("Import run failed: " + e.getMessage());
        jdbc.sql("update import_run set state = 'failed', finished_at = now() where id = ?")
            .param(id)
            .update();
        throw e;
      } finally {
        try (PreparedStatement unlock =
            lockConnection.prepareStatement("select pg_advisory_unlock(?)")) {
          unlock.setLong(1, IMPORT_LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Import lock failed: " + e.getMessage(), e);
    }
  }

  public Optional<RunStatus> latest() {
    return jdbc.sql(
            """
            select id, node, state, started_at, finished_at, step, done_steps, total_steps, log
            from import_run order by id desc limit 1""")
        .query(
            (rs, n) ->
                new RunStatus(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    rs.getString(9)))
        .optional();
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
    } catch (UnknownHostException e) {
      return "pid " + ProcessHandle.current().pid();
    }
  }

  /** A run in progress: its steps and log lines go to the console and the database. */
  public final class Run {
    private final long id;

    Run(long id) {
      this.id = id;
    }

    public void step(String name) {
      jdbc.sql("update import_run set step = ?, done_steps = done_steps + 1 where id = ?")
          .params(name, id)
          .update();
    }

    public void log(String line) {
      log.info(line);
      jdbc.sql("update import_run set log = log || ? where id = ?")
          .params(Instant.now() + "  " + line + "\n", id)
          .update();
    }
  }

  /** The status of an import run, for the status page. */
  public record RunStatus(
      long id,
      String node,
      String state,
      Instant startedAt,
      Instant finishedAt,
      String step,
      int doneSteps,
      int totalSteps,
      String log) {}
}
