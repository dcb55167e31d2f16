package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;

/**
 * The tables in force on each date of one claim, resolved once for the claim: every rule reads
 * every line's tables, and most claims have one date, so each rule asking {@link ReleasesOnDates}
 * again would repeat the same lookup thirty times a claim.
 */
public final class ClaimReleases {

  private final ReleasesInForce onClaimDate;
  private final ReleasesInForce[] onLine;
  private final LocalDate[] dates;
  private final ProcedureCodes.Code[] codes;
  private final Claim claim;
  private @Nullable List<String> printedDiagnoses;

  ClaimReleases(Claim claim, ReleasesOnDates tables) {
    this.claim = claim;
    LocalDate claimDate = claim.claimDate();
    this.onClaimDate = tables.on(claimDate);
    int count = claim.lines().size();
    this.onLine = new ReleasesInForce[count];
    this.dates = new LocalDate[count];
    this.codes = new ProcedureCodes.Code[count];
    for (int i = 0; i < count; i++) {
      LocalDate date = claim.dateOf(i);
      dates[i] = date;
      onLine[i] = date.equals(claimDate) ? onClaimDate : tables.on(date);
      codes[i] = onLine[i].procedureCodes.get(claim.lines().get(i).code());
    }
  }

  /** The tables in force on the claim's date (the first line's when only lines have dates). */
  public ReleasesInForce onClaimDate() {
    return onClaimDate;
  }

  /** The tables in force on a line's date of service (0-based index). */
  public ReleasesInForce onLine(int index) {
    return onLine[index];
  }

  /** A line's date of service (0-based index): its own, or the claim's. */
  public LocalDate dateOf(int index) {
    return dates[index];
  }

  /** What the tables in force on a line's date say about its code (0-based index). */
  ProcedureCodes.Code codeOf(int index) {
    return codes[index];
  }

  /**
   * The claim's diagnoses as printed (E11.9), for the findings that list them all: made once a
   * claim, where several rules' "not checked" notices need them.
   */
  List<String> printedDiagnoses() {
    if (printedDiagnoses == null) {
      printedDiagnoses = CodeValidityRule.displayed(claim.diagnoses());
    }
    return printedDiagnoses;
  }

  /** Whether two lines (0-based) have the same date of service. */
  boolean sameDate(int one, int other) {
    return dates[one] == dates[other] || dates[one].equals(dates[other]);
  }
}
