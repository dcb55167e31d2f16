package org.openencoder.accounts.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys issued to accounts, stored only as their SHA-256 with a short prefix to name them. */
@Repository
public class JdbcApiKeys {

  private final JdbcClient jdbc;

  JdbcApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(byte[] hash, long accountId, String prefix) {
    jdbc.sql("insert into api_key (key_hash, account_id, prefix) values (?, ?, ?)")
        .params(hash, accountId, prefix)
        .update();
  }

  public Optional<Long> account(byte[] hash) {
    return jdbc.sql("select account_id from api_key where key_hash = ?")
        .param(hash)
        .query(Long.class)
        .optional();
  }

  public List<String> prefixes(long accountId) {
    return jdbc.sql("select prefix from api_key where account_id = ? order by created_at")
        .param(accountId)
        .query(String.class)
        .list();
  }

  public void revoke(long accountId, String prefix) {
    jdbc.sql("delete from api_key where account_id = ? and prefix = ?")
        .params(accountId, prefix)
        .update();
  }
}
