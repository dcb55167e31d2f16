package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.MeteredSite;
import org.openencoder.testing.SiteClient;

/** The anonymous API rate limit, and OPENENCODER_METERING=off switching every limit off. */
class MeteringSwitchesTest {

  private static final MeteredSite SITE = MeteredSite.get();

  @Test
  void anonymousApiCallsAreRateLimitedPerIpAddress() {
    int limit = SITE.node().getBean(Meters.class).properties().apiRequestsPerIp();
    assertThat(limit).isEqualTo(60);
    SiteClient anonymous = new SiteClient();
    for (int i = 0; i < limit; i++) {
      // The same code every time: a rate limit counts requests, not distinct codes.
      assertThat(anonymous.get(SITE.url("/api/v1/codes/icd10cm/E11.9")).statusCode())
          .as("call %d", i + 1)
          .isEqualTo(200);
    }
    HttpResponse<String> refused = anonymous.get(SITE.url("/api/v1/codes/icd10cm/E11.9"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
    assertThat(refused.body()).contains("per IP address").contains("X-API-Key");
  }

  @Test
  void withMeteringOffNothingIsCountedGatedOrRateLimited() {
    var node = SITE.unmeteredNode();
    SiteClient guest = new SiteClient();
    List<String> codes = SITE.codes(920).subList(900, 920);
    for (String code : codes) {
      HttpResponse<String> page = guest.get(MeteredSite.url(node, "/codes/icd10cm/" + code));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("id=\"gate\"").doesNotContain("remaining");
    }
    for (int i = 0; i < 70; i++) {
      assertThat(guest.get(MeteredSite.url(node, "/api/v1/codes/icd10cm/E11.9")).statusCode())
          .isEqualTo(200);
    }
  }
}
