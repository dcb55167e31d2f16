package org.openencoder.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.PtpFixtureApplication;

/**
 * Golden claims on the PTP release imported from the official-layout fixture (2026 Q4, with
 * effective dates: src/test/resources/ncci/ptp), the only release that application holds
 * (src/test/resources/claims/golden-claims-ptp-fixture.json).
 */
class ClaimCheckPtpFixtureGoldenTest extends PtpFixtureApplication {

  @Test
  void everyFixtureClaimGetsExactlyItsRecordedFindings() throws Exception {
    GoldenClaims golden =
        new GoldenClaims(
            Path.of("src/test/resources/claims/golden-claims-ptp-fixture.json"),
            url("/api/v1/claims/check"));

    assertThat(golden.failures()).as("golden claims that differ").isEmpty();
    assertThat(golden.families()).containsOnlyKeys("ncci-ptp");
  }
}
