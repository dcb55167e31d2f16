package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.MeteredSite;
import org.openencoder.testing.SiteClient;

/** Code pages metered with the default quotas: guest 1, free member 5 more, per month. */
class MeteredCodePagesTest {

  private static final MeteredSite SITE = MeteredSite.get();
  private static final String GATE = "id=\"gate\"";

  private final Meters meters = SITE.node().getBean(Meters.class);

  @Test
  void aGuestReadsOneCodePageThenSeesTheDescriptorAndTheRegisterPanel() {
    SiteClient guest = new SiteClient();
    HttpResponse<String> first = guest.get(SITE.url("/codes/icd10cm/E11"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("0 code page views remaining")
        .contains("Codes under")
        .doesNotContain(GATE);
    assertThat(first.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("oe_guest=").contains("HttpOnly"))
        // A guest's page view writes no session row: the meter is all it costs in PostgreSQL.
        .noneMatch(c -> c.startsWith("SESSION="));

    HttpResponse<String> second = guest.get(SITE.url("/codes/icd10cm/E10"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body())
        .contains("Type 1 diabetes mellitus")
        .contains(GATE)
        .contains("Register to view content")
        .contains("Register a free account to get <span>5</span> more views")
        .contains("Sources")
        // The gated sections are not sent at all, not merely hidden.
        .doesNotContain("Codes under");
  }

  @Test
  void readingTheSameCodeAgainCostsNothingAndAMistypedCodeCostsNothing() {
    SiteClient guest = new SiteClient();
    assertThat(guest.get(SITE.url("/codes/icd10cm/ZZZ9")).statusCode()).isEqualTo(404);
    assertThat(guest.get(SITE.url("/codes/icd10cm/I10")).body()).doesNotContain(GATE);
    // The same code with the dot, for another date of service: the same view.
    assertThat(guest.get(SITE.url("/codes/icd10cm/I10?date=2026-01-15")).body())
        .doesNotContain(GATE)
        .contains("0 code page views remaining");
    assertThat(guest.get(SITE.url("/codes/icd10cm/E78.5")).body()).contains(GATE);
    assertThat(guest.get(SITE.url("/codes/icd10cm/I10")).body()).doesNotContain(GATE);
  }

  @Test
  void aForgedGuestCookieIsNotHonoured() {
    SiteClient guest = new SiteClient();
    guest.get(SITE.url("/codes/icd10cm/J45.909"));
    String forged = "oe_guest=" + UUID.randomUUID() + ".AAAAAAAAAAAAAAAAAAAAAA";
    HttpResponse<String> page =
        new SiteClient().get(SITE.url("/codes/icd10cm/J45.909"), "Cookie", forged);
    // A forged id is replaced by a freshly signed one rather than trusted.
    assertThat(page.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("oe_guest=").doesNotContain(forged));
  }

  @Test
  void guestsBehindOneAddressShareTheIpQuotaWhateverTheirCookies() {
    String ip = "203.0.113." + (int) (Math.random() * 200 + 1);
    List<String> codes = SITE.codes(25);
    int admitted = 0;
    for (String code : codes) {
      // A new cookie for every view: a client that throws its cookie away.
      if (meters
          .codePage(Optional.empty(), UUID.randomUUID().toString(), ip, "icd10cm", code)
          .admitted()) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(meters.properties().guestViewsPerIp()).isEqualTo(20);
  }

  @Test
  void aFreeMemberGetsFiveMoreViewsThanAGuestAndASubscriberHasNoQuota() {
    String email = "member-" + UUID.randomUUID() + "@example.org";
    SiteClient member = SITE.member(email, "correct horse battery");
    List<String> codes = SITE.codes(120).subList(100, 108);
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> page = member.get(SITE.url("/codes/icd10cm/" + codes.get(i)));
      assertThat(page.body()).doesNotContain(GATE).contains((5 - i) + " code page view");
    }
    HttpResponse<String> seventh = member.get(SITE.url("/codes/icd10cm/" + codes.get(6)));
    assertThat(seventh.body()).contains(GATE).contains("Upgrade");

    Accounts accounts = SITE.node().getBean(Accounts.class);
    Account account = accounts.byEmail(email).orElseThrow();
    SITE.node().getBean(PlanProvider.class).change(account.id(), Plan.SUBSCRIBER, "test");
    HttpResponse<String> unlimited = member.get(SITE.url("/codes/icd10cm/" + codes.get(7)));
    assertThat(unlimited.body()).doesNotContain(GATE).doesNotContain("remaining");
    assertThat(meters.usedThisPeriod(accounts.byId(account.id()).orElseThrow())).isEqualTo(7);
  }

  @Test
  void anApiKeyCarriesItsPlansQuota() {
    String email = "api-" + UUID.randomUUID() + "@example.org";
    SiteClient member = SITE.member(email, "correct horse battery");
    HttpResponse<String> issued =
        member.submit(SITE.url("/account"), SITE.url("/account/api-keys"), java.util.Map.of());
    String key = issued.body().replaceAll("(?s).*id=\"new-api-key\">([^<]+)<.*", "$1");
    assertThat(key).startsWith("oe_");

    List<String> codes = SITE.codes(220).subList(200, 207);
    SiteClient api = new SiteClient();
    for (int i = 0; i < 6; i++) {
      assertThat(
              api.get(SITE.url("/api/v1/codes/icd10cm/" + codes.get(i)), "X-API-Key", key)
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> refused =
        api.get(SITE.url("/api/v1/codes/icd10cm/" + codes.get(6)), "X-API-Key", key);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("used its code views");
    assertThat(
            api.get(SITE.url("/api/v1/codes/icd10cm/E11.9"), "X-API-Key", "oe_forged").statusCode())
        .isEqualTo(401);
  }
}
