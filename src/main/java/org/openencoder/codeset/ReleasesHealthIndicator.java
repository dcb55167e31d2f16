package org.openencoder.codeset;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: DOWN until this node holds the active releases in memory. */
@Component("releases")
class ReleasesHealthIndicator implements HealthIndicator {

  private final CodeSets codeSets;

  ReleasesHealthIndicator(CodeSets codeSets) {
    this.codeSets = codeSets;
  }

  @Override
  public Health health() {
    if (codeSets.ready()) {
      return Health.up().withDetail("activeReleases", codeSets.activeReleases().size()).build();
    }
    Health.Builder down = Health.down().withDetail("state", "importing or loading releases");
    codeSets.loadFailure().ifPresent(f -> down.withDetail("failure", f));
    return down.build();
  }
}
