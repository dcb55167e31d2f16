package org.openencoder.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.openencoder.accounts.SecurityEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log of security events. */
@Repository
public class JdbcSecurityEvents {

  private static final String COLUMNS = "id, at, kind, account_id, email, ip, detail";

  private final JdbcClient jdbc;

  JdbcSecurityEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String kind, Long accountId, String email, String ip, String detail) {
    jdbc.sql(
            "insert into security_event (kind, account_id, email, ip, detail)"
                + " values (?, ?, ?, ?, ?)")
        .params(kind, accountId, email, ip, detail)
        .update();
  }

  public List<SecurityEvent> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from security_event order by id desc limit ?")
        .param(limit)
        .query(JdbcSecurityEvents::event)
        .list();
  }

  public List<SecurityEvent> ofAccount(long accountId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from security_event where account_id = ? order by id desc limit ?")
        .params(accountId, limit)
        .query(JdbcSecurityEvents::event)
        .list();
  }

  private static SecurityEvent event(ResultSet rs, int row) throws SQLException {
    return new SecurityEvent(
        rs.getLong("id"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("kind"),
        (Long) rs.getObject("account_id"),
        rs.getString("email"),
        rs.getString("ip"),
        rs.getString("detail"));
  }

  /** A deleted account's past events keep their kind and time but no longer name the person. */
  public void forget(long accountId) {
    jdbc.sql("update security_event set email = null, ip = null where account_id = ?")
        .param(accountId)
        .update();
  }
}
