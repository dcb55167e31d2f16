package org.openencoder.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.openencoder.accounts.persistence.JdbcMeters;
import org.openencoder.accounts.persistence.JdbcMeters.Allowance;
import org.springframework.stereotype.Service;

/**
 * Counts code-page views against plans. A view is one distinct code per period: a coder who goes
 * back to a code already read this period (or opens it for another date of service) is not charged
 * again, as a reader would expect of "5 page views".
 */
@Service
public class Meters {

  private final JdbcMeters store;
  private final MeteringProperties properties;

  Meters(JdbcMeters store, MeteringProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** The key a code is counted under: system and code without its dot, in capitals. */
  public static String codeKey(String system, String code) {
    return system.toLowerCase(Locale.ROOT)
        + ":"
        + code.replace(".", "").strip().toUpperCase(Locale.ROOT);
  }

  public static String guestMeter(String guestId) {
    return "guest:" + guestId;
  }

  public Instant periodStart() {
    return properties.period().start(Instant.now());
  }

  /** Counts a code-page view by a member, or by a guest (its cookie's id and its IP address). */
  public MeterReading codePage(
      Optional<Account> member, String guestId, String ip, String system, String code) {
    Instant period = periodStart();
    String key = codeKey(system, code);
    if (member.isPresent()) {
      Account account = member.get();
      Integer quota = quota(account);
      // Unlimited views are still counted, for the usage page.
      OptionalInt left =
          store.admit(
              List.of(
                  new Allowance(
                      Accounts.meter(account.id()),
                      period,
                      quota == null ? Integer.MAX_VALUE : quota)),
              key);
      return reading(left, true, quota);
    }
    OptionalInt left =
        store.admit(
            List.of(
                new Allowance(guestMeter(guestId), period, properties.guestViews()),
                new Allowance("ip:" + ip, period, properties.guestViewsPerIp())),
            key);
    return reading(left, false, properties.guestViews());
  }

  /**
   * Counts a JSON code API call: with an API key like a code page of its account; anonymous, as one
   * request of the per-IP rate limit. True if admitted.
   */
  public boolean apiCall(Optional<Account> keyed, String ip, String system, String code) {
    if (keyed.isPresent()) {
      return codePage(keyed, null, ip, system, code).admitted();
    }
    return store
        .admit(
            List.of(
                new Allowance(
                    "api-ip:" + ip,
                    properties.apiWindowStart(Instant.now()),
                    properties.apiRequestsPerIp())),
            null)
        .isPresent();
  }

  /** When a guest logs in, the codes it read this period become the member's views. */
  public void adopt(String guestId, Account member) {
    store.adopt(guestMeter(guestId), Accounts.meter(member.id()), periodStart());
  }

  /** Views per period of an account's plan; null for none. */
  public Integer quota(Account account) {
    if (account.has(Role.ADMINISTRATOR)) {
      return null;
    }
    return switch (account.plan()) {
      case FREE -> properties.memberViews();
      case SUBSCRIBER -> properties.subscriberViews() < 0 ? null : properties.subscriberViews();
    };
  }

  public int usedThisPeriod(Account account) {
    return store.used(Accounts.meter(account.id()), periodStart());
  }

  public List<Usage> history(Account account, int periods) {
    return store.history(Accounts.meter(account.id()), periods);
  }

  public List<String> codesThisPeriod(Account account, int limit) {
    return store.codes(Accounts.meter(account.id()), periodStart(), limit);
  }

  public MeteringProperties properties() {
    return properties;
  }

  private MeterReading reading(OptionalInt left, boolean member, Integer quota) {
    return new MeterReading(
        left.isPresent(),
        quota == null ? null : left.orElse(0),
        member,
        quota,
        properties.period().noun(),
        properties.freeViews(),
        properties.gatedSections());
  }
}
