package org.openencoder.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quotas and limits of metered access ({@code openencoder.metering.*}); the defaults are those of
 * the seed site ("Guest accounts are limited to 1 page view. Register free account to get 5 more
 * views.").
 *
 * @param enabled {@code OPENENCODER_METERING=off} turns metering and rate limits off entirely (a
 *     self-hosted install for one coding team)
 * @param period the calendar period (UTC) a quota is counted over
 * @param guestViews distinct code pages a guest (signed cookie) may open per period
 * @param guestViewsPerIp distinct code pages all guests behind one IP address may open per period:
 *     the secondary signal that stops a client which drops its cookie; set it well above {@code
 *     guestViews} since a hospital's coders may share one address
 * @param freeViews the views a free member gets on top of the guest views
 * @param subscriberViews the subscriber's views per period; negative for no quota
 * @param apiRequestsPerIp JSON code API requests an anonymous caller may make per {@code apiWindow}
 * @param apiWindow the window of the anonymous API rate limit
 * @param gatedSections the code page sections left out past the quota (see
 *     templates/codes/page.html)
 * @param cookieKey the guest cookie's HMAC key; unset: one is generated and kept in PostgreSQL so
 *     that every node signs alike. Secrets come from the environment only.
 */
@ConfigurationProperties("openencoder.metering")
public record MeteringProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("MONTH") Period period,
    @DefaultValue("1") int guestViews,
    @DefaultValue("20") int guestViewsPerIp,
    @DefaultValue("5") int freeViews,
    @DefaultValue("-1") int subscriberViews,
    @DefaultValue("60") int apiRequestsPerIp,
    @DefaultValue("PT1H") Duration apiWindow,
    @DefaultValue({
          "plain",
          "seventh",
          "notes",
          "pcs-characters",
          "pcs-table",
          "children",
          "index",
          "facts"
        })
        Set<String> gatedSections,
    String cookieKey) {

  public MeteringProperties {
    gatedSections = Set.copyOf(gatedSections);
    if (guestViews < 0 || guestViewsPerIp < 0 || freeViews < 0 || apiRequestsPerIp < 0) {
      throw new IllegalArgumentException("openencoder.metering quotas must be 0 or more");
    }
    if (apiWindow.isNegative() || apiWindow.isZero()) {
      throw new IllegalArgumentException("openencoder.metering.api-window must be positive");
    }
  }

  /** A free member's views per period: the guest views and the free plan's "5 more". */
  public int memberViews() {
    return guestViews + freeViews;
  }

  /** The start of the anonymous API rate-limit window holding {@code now}. */
  public Instant apiWindowStart(Instant now) {
    long window = apiWindow.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), window) * window);
  }

  /** Calendar periods in UTC, so every node and the admin page agree on when a period starts. */
  public enum Period {
    DAY,
    WEEK,
    MONTH;

    public Instant start(Instant now) {
      LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
      LocalDate first =
          switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
          };
      return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public String noun() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
