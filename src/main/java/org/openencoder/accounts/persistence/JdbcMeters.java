package org.openencoder.accounts.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.openencoder.accounts.Usage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meter counters in PostgreSQL. A view is admitted by one conditional {@code UPDATE … SET used =
 * used + 1 WHERE used < quota RETURNING used}: PostgreSQL locks the counter row and re-checks the
 * condition on the newest row version, so concurrent requests on any number of nodes never raise a
 * counter past its quota.
 */
@Repository
public class JdbcMeters {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  JdbcMeters(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** One meter's quota for the period starting at {@code periodStart}. */
  public record Allowance(String meter, Instant periodStart, int quota) {}

  /**
   * Counts one view of {@code code} on every allowance, all or none in one transaction. A code the
   * meter already opened this period is not counted again; {@code code} null counts every request
   * (a rate limit). Returns the first allowance's views left, or empty when a quota refused.
   */
  public OptionalInt admit(List<Allowance> allowances, String code) {
    return transactions.execute(
        status -> {
          int firstLeft = -1;
          for (Allowance allowance : allowances) {
            Timestamp period = Timestamp.from(allowance.periodStart());
            jdbc.sql(
                    "insert into meter_counter (meter, period_start) values (?, ?)"
                        + " on conflict do nothing")
                .params(allowance.meter(), period)
                .update();
            boolean firstView =
                code == null
                    || jdbc.sql(
                                "insert into meter_view (meter, period_start, code) values (?, ?, ?)"
                                    + " on conflict do nothing")
                            .params(allowance.meter(), period, code)
                            .update()
                        == 1;
            Integer used;
            if (firstView) {
              used =
                  jdbc.sql(
                          "update meter_counter set used = used + 1"
                              + " where meter = ? and period_start = ? and used < ? returning used")
                      .params(allowance.meter(), period, allowance.quota())
                      .query(Integer.class)
                      .optional()
                      .orElse(null);
              if (used == null) {
                // Refused: the views counted on the allowances before this one are undone too.
                status.setRollbackOnly();
                return OptionalInt.empty();
              }
            } else {
              used = used(allowance.meter(), allowance.periodStart());
            }
            if (firstLeft < 0) {
              firstLeft = Math.max(0, allowance.quota() - used);
            }
          }
          return OptionalInt.of(firstLeft);
        });
  }

  public int used(String meter, Instant periodStart) {
    return jdbc.sql("select used from meter_counter where meter = ? and period_start = ?")
        .params(meter, Timestamp.from(periodStart))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Moves a guest's views of this period onto a member's meter when the guest logs in, so that the
   * code page read as a guest is one of the member's views ("5 more") and the same code is not
   * counted twice.
   */
  public void adopt(String guestMeter, String memberMeter, Instant periodStart) {
    Timestamp period = Timestamp.from(periodStart);
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "insert into meter_counter (meter, period_start) values (?, ?)"
                      + " on conflict do nothing")
              .params(memberMeter, period)
              .update();
          // Lock the member's counter first, as admit() does, then copy and recount.
          jdbc.sql("select used from meter_counter where meter = ? and period_start = ? for update")
              .params(memberMeter, period)
              .query(Integer.class)
              .single();
          jdbc.sql(
                  "insert into meter_view (meter, period_start, code, viewed_at)"
                      + " select ?, period_start, code, viewed_at from meter_view"
                      + " where meter = ? and period_start = ? on conflict do nothing")
              .params(memberMeter, guestMeter, period)
              .update();
          jdbc.sql(
                  "update meter_counter set used = greatest(used, (select count(*) from meter_view"
                      + " where meter = ? and period_start = ?)) where meter = ? and period_start = ?")
              .params(memberMeter, period, memberMeter, period)
              .update();
        });
  }

  /** A meter's periods, newest first. */
  public List<Usage> history(String meter, int periods) {
    return jdbc.sql(
            "select meter, period_start, used from meter_counter where meter = ?"
                + " order by period_start desc limit ?")
        .params(meter, periods)
        .query(
            (rs, row) ->
                new Usage(
                    rs.getString("meter"),
                    rs.getTimestamp("period_start").toInstant(),
                    rs.getInt("used")))
        .list();
  }

  /** The codes a meter opened in a period, most recent first. */
  public List<String> codes(String meter, Instant periodStart, int limit) {
    return jdbc.sql(
            "select code from meter_view where meter = ? and period_start = ?"
                + " order by viewed_at desc limit ?")
        .params(meter, Timestamp.from(periodStart), limit)
        .query(String.class)
        .list();
  }

  public void forget(String meter) {
    jdbc.sql("delete from meter_view where meter = ?").param(meter).update();
    jdbc.sql("delete from meter_counter where meter = ?").param(meter).update();
  }

  /** A secret shared by every node: generated by whichever node asks first. */
  public byte[] secret(String name, byte[] candidate) {
    jdbc.sql("insert into metering_secret (name, secret) values (?, ?) on conflict do nothing")
        .params(name, candidate)
        .update();
    return jdbc.sql("select secret from metering_secret where name = ?")
        .param(name)
        .query(byte[].class)
        .single();
  }
}
