package org.openencoder.accounts;

import java.util.List;
import org.openencoder.accounts.persistence.JdbcSecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The audit log: every security event is a row, and a line in the log. */
@Service
public class SecurityEvents {

  private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

  private final JdbcSecurityEvents store;

  SecurityEvents(JdbcSecurityEvents store) {
    this.store = store;
  }

  public void record(String kind, Long accountId, String email, String ip, String detail) {
    log.info(
        "security event {} account={} ip={} {}", kind, accountId, ip, detail == null ? "" : detail);
    store.insert(kind, accountId, email, ip, detail);
  }

  public List<SecurityEvent> recent(int limit) {
    return store.recent(limit);
  }

  public List<SecurityEvent> ofAccount(long accountId, int limit) {
    return store.ofAccount(accountId, limit);
  }
}
