package org.openencoder.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openencoder.accounts.Account;
import org.openencoder.accounts.Plan;
import org.openencoder.accounts.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table. */
@Repository
public class JdbcAccounts {

  private static final String COLUMNS =
      "id, email, display_name, plan, plan_source, roles, created_at, verified_at";

  private final JdbcClient jdbc;

  JdbcAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Account> byEmail(String email) {
    return jdbc.sql("select " + COLUMNS + " from account where email = ?")
        .param(email)
        .query(JdbcAccounts::account)
        .optional();
  }

  public Optional<Account> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from account where id = ?")
        .param(id)
        .query(JdbcAccounts::account)
        .optional();
  }

  /** The stored password hash (DelegatingPasswordEncoder format, "{argon2}…"). */
  public Optional<String> passwordHash(String email) {
    return jdbc.sql("select password_hash from account where email = ?")
        .param(email)
        .query(String.class)
        .optional();
  }

  public List<Account> all() {
    return jdbc.sql("select " + COLUMNS + " from account order by id")
        .query(JdbcAccounts::account)
        .list();
  }

  public long insert(String email, String passwordHash) {
    return jdbc.sql("insert into account (email, password_hash) values (?, ?) returning id")
        .params(email, passwordHash)
        .query(Long.class)
        .single();
  }

  public void setPassword(long id, String passwordHash) {
    jdbc.sql("update account set password_hash = ? where id = ?").params(passwordHash, id).update();
  }

  public void setDisplayName(long id, String displayName) {
    jdbc.sql("update account set display_name = ? where id = ?").params(displayName, id).update();
  }

  /** Marks the email verified; false if it already was. */
  public boolean markVerified(long id) {
    return jdbc.sql("update account set verified_at = now() where id = ? and verified_at is null")
            .param(id)
            .update()
        == 1;
  }

  public void setPlan(long id, Plan plan, String source) {
    jdbc.sql("update account set plan = ?, plan_source = ? where id = ?")
        .params(plan.name(), source, id)
        .update();
  }

  public void setRoles(long id, Set<Role> roles) {
    jdbc.sql("update account set roles = ? where id = ?")
        .params(roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), id)
        .update();
  }

  /** Deletes the account; its tokens and API keys go with it (on delete cascade). */
  public void delete(long id) {
    jdbc.sql("delete from account where id = ?").param(id).update();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    String roles = rs.getString("roles");
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(","))
        .filter(r -> !r.isBlank())
        .forEach(r -> parsed.add(Role.valueOf(r)));
    return new Account(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Plan.valueOf(rs.getString("plan")),
        rs.getString("plan_source"),
        parsed,
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("verified_at")));
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
