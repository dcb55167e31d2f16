package org.openencoder.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.claims.rules.AddOnCodeRule;
import org.openencoder.claims.rules.ClaimReleases;
import org.openencoder.claims.rules.ClaimRule;
import org.openencoder.claims.rules.CodeValidityRule;
import org.openencoder.claims.rules.Excludes1Rule;
import org.openencoder.claims.rules.MceRule;
import org.openencoder.claims.rules.MueRule;
import org.openencoder.claims.rules.PtpRule;
import org.openencoder.claims.rules.ReleasesOnDates;
import org.springframework.stereotype.Service;

/**
 * Checks a claim against every edit family, each on the releases in force on the claim's dates of
 * service. The tables are in memory: a check makes no database call and allocates little beyond the
 * findings.
 */
@Service
public class ClaimChecker {

  private final ReleasesOnDates tables;
  private final List<ClaimRule> rules;

  ClaimChecker(ReleasesOnDates tables) {
    this.tables = tables;
    this.rules =
        List.of(
            new CodeValidityRule(),
            new PtpRule(),
            new MueRule(),
            new AddOnCodeRule(),
            new Excludes1Rule(),
            new MceRule());
  }

  /**
   * The findings of every rule, family by family in a fixed order.
   *
   * @throws InvalidClaimException when a date of service is outside every loaded release
   */
  public List<Finding> check(Claim claim) {
    List<Finding> findings = new ArrayList<>(4);
    check(claim, findings);
    return findings;
  }

  /**
   * Adds the findings of every rule to a list the caller keeps, family by family in a fixed order:
   * a batch reuses one list for its claims.
   *
   * @throws InvalidClaimException when a date of service is outside every loaded release; nothing
   *     is added then
   */
  public void check(Claim claim, List<Finding> findings) {
    ClaimReleases on = covered(claim);
    for (ClaimRule rule : rules) {
      rule.check(claim, on, findings);
    }
  }

  /** The edit families, in the order findings are reported. */
  public List<String> families() {
    return rules.stream().map(ClaimRule::family).toList();
  }

  /**
   * The tables on the claim's dates. A date of service that no loaded release of any data set
   * covers cannot be checked at all: a typing error (2062 for 2026) more often than a claim.
   */
  private ClaimReleases covered(Claim claim) {
    ClaimReleases on = tables.of(claim);
    LocalDate claimDate = claim.dateOfService();
    if (claimDate != null && !on.onClaimDate().anyInForce()) {
      throw new InvalidClaimException(
          List.of(new FieldError("dateOfService", outsideEveryRelease(claimDate))));
    }
    List<FieldError> errors = null;
    for (int i = 0; i < claim.lines().size(); i++) {
      LocalDate own = claim.lines().get(i).dateOfService();
      if (own != null && !own.equals(claimDate) && !on.onLine(i).anyInForce()) {
        if (errors == null) {
          errors = new ArrayList<>();
        }
        errors.add(new FieldError("lines[" + i + "].dateOfService", outsideEveryRelease(own)));
      }
    }
    if (errors != null) {
      throw new InvalidClaimException(errors);
    }
    return on;
  }

  private String outsideEveryRelease(LocalDate date) {
    return "no loaded release covers "
        + date
        + "; the loaded releases cover "
        + tables.coveredPeriods();
  }
}
