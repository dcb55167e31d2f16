package org.openencoder.accounts.persistence;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins per email in a fixed window, in PostgreSQL so that every node refuses alike (a
 * counter per node would let an attacker spread guesses over the nodes).
 */
@Repository
public class JdbcLoginThrottle {

  private final JdbcClient jdbc;

  JdbcLoginThrottle(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean blocked(String email, int maxFailures, Duration window) {
    return jdbc.sql(
                "select count(*) from login_throttle where email = ? and failures >= ?"
                    + " and window_start > now() - make_interval(secs => ?)")
            .params(email, maxFailures, window.toSeconds())
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Counts a failure; a failure after the window has passed starts a new window. */
  public void fail(String email, Duration window) {
    jdbc.sql(
            """
            insert into login_throttle (email, failures, window_start) values (:email, 1, now())
            on conflict (email) do update set
              failures = case when login_throttle.window_start <= now() - make_interval(secs => :secs)
                              then 1 else login_throttle.failures + 1 end,
              window_start = case when login_throttle.window_start <= now() - make_interval(secs => :secs)
                                  then now() else login_throttle.window_start end
            """)
        .param("email", email)
        .param("secs", window.toSeconds())
        .update();
  }

  public void clear(String email) {
    jdbc.sql("delete from login_throttle where email = ?").param(email).update();
  }
}
