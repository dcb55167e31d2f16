package org.openencoder.accounts;

import java.util.Set;

/**
 * What the meter said about one code-page view, for the page to show.
 *
 * @param admitted false past the quota: the gated sections are left out
 * @param remaining views left this period, null without a quota
 * @param member whether a signed-in member (else a guest) is reading
 * @param quota the views per period of the reader's plan, null without a quota
 * @param period "month", "week" or "day"
 * @param moreOnRegistering the views a guest gets by registering (the free plan's "5 more")
 */
public record MeterReading(
    boolean admitted,
    Integer remaining,
    boolean member,
    Integer quota,
    String period,
    int moreOnRegistering,
    Set<String> gatedSections) {

  public MeterReading {
    gatedSections = Set.copyOf(gatedSections);
  }

  /** Whether the page shows a section: always when admitted, else only the ungated ones. */
  public boolean shows(String section) {
    return admitted || !gatedSections.contains(section);
  }
}
