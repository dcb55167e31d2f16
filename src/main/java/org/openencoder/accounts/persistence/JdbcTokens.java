package org.openencoder.accounts.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emailed single-use tokens, stored only as their SHA-256. */
@Repository
public class JdbcTokens {

  private final JdbcClient jdbc;

  JdbcTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(byte[] hash, long accountId, String purpose, Instant expiresAt) {
    jdbc.sql(
            "insert into account_token (token_hash, account_id, purpose, expires_at)"
                + " values (?, ?, ?, ?)")
        .params(hash, accountId, purpose, Timestamp.from(expiresAt))
        .update();
  }

  /**
   * Uses the token up: one conditional UPDATE, so of two requests with the same link only one gets
   * the account, and an expired or used token gets nothing.
   */
  public Optional<Long> consume(byte[] hash, String purpose) {
    return jdbc.sql(
            "update account_token set used_at = now() where token_hash = ? and purpose = ?"
                + " and used_at is null and expires_at > now() returning account_id")
        .params(hash, purpose)
        .query(Long.class)
        .optional();
  }

  /** Voids the account's unused tokens of a purpose (a newer link replaces older ones). */
  public void voidUnused(long accountId, String purpose) {
    jdbc.sql(
            "update account_token set used_at = now() where account_id = ? and purpose = ?"
                + " and used_at is null")
        .params(accountId, purpose)
        .update();
  }
}
