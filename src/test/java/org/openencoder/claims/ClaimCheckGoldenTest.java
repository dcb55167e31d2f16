package org.openencoder.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;

/**
 * The golden claims on the real tables in the mirror
 * (src/test/resources/claims/golden-claims.json): every edit family, each case asserting its exact
 * findings. {@code -Dgolden.update=true} records.
 */
class ClaimCheckGoldenTest extends RunningApplication {

  @Test
  void everyGoldenClaimGetsExactlyItsRecordedFindings() throws Exception {
    GoldenClaims golden =
        new GoldenClaims(
            Path.of("src/test/resources/claims/golden-claims.json"), url("/api/v1/claims/check"));

    assertThat(golden.failures()).as("golden claims that differ").isEmpty();
    assertThat(golden.size()).isGreaterThanOrEqualTo(80);
    assertThat(golden.families())
        .containsKeys(
            "code-validity",
            "ncci-ptp",
            "ncci-mue",
            "ncci-add-on",
            "icd10cm-excludes1",
            "mce",
            "input");
  }
}
