package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.MeteredSite;
import org.openencoder.testing.SiteClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each security property of accounts, over HTTP on the metered site. */
class AccountSecurityTest {

  private static final MeteredSite SITE = MeteredSite.get();
  private static final String PASSWORD = "correct horse battery";

  private final JdbcClient jdbc = SITE.node().getBean(JdbcClient.class);

  private static String newEmail(String what) {
    return what + "-" + UUID.randomUUID() + "@example.org";
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  @Test
  void passwordsAreStoredAsArgon2Hashes() {
    String email = newEmail("hash");
    SITE.member(email, PASSWORD);
    String hash =
        jdbc.sql("select password_hash from account where email = ?")
            .param(email)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedOnEveryNode() {
    String email = newEmail("throttle");
    SITE.member(email, PASSWORD);
    SiteClient attacker = new SiteClient();
    for (int i = 0; i < 5; i++) {
      assertThat(location(MeteredSite.logIn(attacker, SITE.node(), email, "wrong password " + i)))
          .endsWith("/login?error");
    }
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.node(), email, PASSWORD)))
        .endsWith("/login?throttled");
    // The count is in PostgreSQL: the other node refuses too.
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.secondNode(), email, PASSWORD)))
        .endsWith("/login?throttled");
    assertThat(
            jdbc.sql(
                    "select count(*) from security_event where kind = 'LOGIN_THROTTLED' and email = ?")
                .param(email)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void unknownEmailsAreThrottledAlikeSoTheThrottleTellsNothing() {
    String nobody = newEmail("nobody");
    SiteClient attacker = new SiteClient();
    for (int i = 0; i < 5; i++) {
      MeteredSite.logIn(attacker, SITE.node(), nobody, "guess " + i);
    }
    assertThat(location(MeteredSite.logIn(attacker, SITE.node(), nobody, "guess 6")))
        .endsWith("/login?throttled");
  }

  @Test
  void loginAnswersAlikeForAWrongPasswordAndAnUnknownEmail() {
    String email = newEmail("enum-login");
    SITE.member(email, PASSWORD);
    HttpResponse<String> wrongPassword =
        MeteredSite.logIn(new SiteClient(), SITE.node(), email, "not the password");
    HttpResponse<String> unknown =
        MeteredSite.logIn(new SiteClient(), SITE.node(), newEmail("unknown"), "not the password");
    assertThat(wrongPassword.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
    assertThat(location(wrongPassword)).isEqualTo(location(unknown)).endsWith("/login?error");
  }

  @Test
  void anUnverifiedAccountIsNamedOnlyToWhoeverKnowsItsPassword() {
    String email = newEmail("unverified");
    SiteClient client = new SiteClient();
    client.submit(
        SITE.url("/register"), SITE.url("/register"), Map.of("email", email, "password", PASSWORD));
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.node(), email, "wrong password")))
        .endsWith("/login?error");
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.node(), email, PASSWORD)))
        .endsWith("/login?unverified");
  }

  @Test
  void registeringAKnownEmailAnswersExactlyLikeANewOneAndOnlyTheMailboxIsTold() {
    String known = newEmail("known");
    SITE.member(known, PASSWORD);
    long mailsBefore = SITE.mailsTo(known);
    String fresh = newEmail("fresh");
    HttpResponse<String> again = register(known, "another password here");
    HttpResponse<String> first = register(fresh, "another password here");
    assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
    assertThat(again.body().replace(known, "EMAIL"))
        .isEqualTo(first.body().replace(fresh, "EMAIL"));
    assertThat(SITE.mailTo(known, (int) mailsBefore + 1))
        .contains("already has an account")
        .contains("/password/forgot");
    // The known account keeps its password.
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.node(), known, PASSWORD)))
        .doesNotContain("?");
  }

  @Test
  void aResetRequestAnswersAlikeForKnownAndUnknownEmails() {
    String known = newEmail("reset-known");
    SITE.member(known, PASSWORD);
    String unknown = newEmail("reset-unknown");
    HttpResponse<String> forKnown = forgot(known);
    HttpResponse<String> forUnknown = forgot(unknown);
    assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode()).isEqualTo(200);
    assertThat(forKnown.body().replace(known, "EMAIL"))
        .isEqualTo(forUnknown.body().replace(unknown, "EMAIL"));
    assertThat(SITE.linkMailedTo(known, 2)).contains("/password/reset?token=");
    assertThat(SITE.mailsTo(unknown)).isZero();
  }

  @Test
  void badRegistrationInputIsA400WithAMessageByField() {
    HttpResponse<String> bad = register("not an email", "short");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"email-error\">Enter an email address like name@example.org")
        .contains("id=\"password-error\">Use at least 10 characters");
  }

  @Test
  void aVerificationLinkWorksOnce() {
    String email = newEmail("verify-once");
    register(email, PASSWORD);
    String link = SITE.linkMailedTo(email, 1);
    assertThat(new SiteClient().get(link).statusCode()).isEqualTo(200);
    HttpResponse<String> again = new SiteClient().get(link);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("This link does not work");
    assertThat(new SiteClient().get(link.replaceAll("token=.*", "token=made-up")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aResetLinkWorksOnceEndsOldSessionsAndAnExpiredOneNotAtAll() {
    String email = newEmail("reset-once");
    SiteClient oldSession = SITE.member(email, PASSWORD);
    assertThat(oldSession.get(SITE.url("/account")).statusCode()).isEqualTo(200);
    forgot(email);
    String link = SITE.linkMailedTo(email, 2);
    String token = link.substring(link.indexOf("token=") + 6);
    SiteClient client = new SiteClient();
    String newPassword = "a brand new password";
    HttpResponse<String> reset =
        client.submit(
            link, SITE.url("/password/reset"), Map.of("token", token, "password", newPassword));
    assertThat(location(reset)).endsWith("/login?reset");
    HttpResponse<String> reused =
        client.submit(
            link,
            SITE.url("/password/reset"),
            Map.of("token", token, "password", "yet another one!"));
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(location(MeteredSite.logIn(new SiteClient(), SITE.node(), email, newPassword)))
        .doesNotContain("?");
    // The session opened with the old password is gone.
    assertThat(location(oldSession.get(SITE.url("/account")))).endsWith("/login");

    forgot(email);
    String expiring = SITE.linkMailedTo(email, 3);
    jdbc.sql(
            "update account_token set expires_at = now() - interval '1 second'"
                + " where purpose = 'RESET' and used_at is null"
                + " and account_id = (select id from account where email = ?)")
        .param(email)
        .update();
    HttpResponse<String> expired =
        client.submit(
            expiring,
            SITE.url("/password/reset"),
            Map.of(
                "token",
                expiring.substring(expiring.indexOf("token=") + 6),
                "password",
                "too late password"));
    assertThat(expired.statusCode()).isEqualTo(400);
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    String email = newEmail("csrf");
    SiteClient member = SITE.member(email, PASSWORD);
    assertThat(
            new SiteClient()
                .post(SITE.url("/register"), Map.of("email", newEmail("x"), "password", PASSWORD))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            new SiteClient()
                .post(SITE.url("/login"), Map.of("email", email, "password", PASSWORD))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            member
                .post(SITE.url("/account/delete"), Map.of("confirmPassword", PASSWORD))
                .statusCode())
        .isEqualTo(403);
    assertThat(SITE.node().getBean(Accounts.class).byEmail(email)).isPresent();
  }

  @Test
  void loggingInChangesTheSessionIdAndTheCookiesAreHttpOnly() {
    String email = newEmail("fixation");
    SITE.registerAndVerify(new SiteClient(), email, PASSWORD);
    SiteClient client = new SiteClient();
    HttpResponse<String> loginPage = client.get(SITE.url("/login"));
    String before = sessionCookie(client);
    assertThat(loginPage.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    assertThat(loginPage.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    HttpResponse<String> login = MeteredSite.logIn(client, SITE.node(), email, PASSWORD);
    assertThat(location(login)).doesNotContain("?");
    assertThat(sessionCookie(client)).isNotEqualTo(before);
  }

  @Test
  void theApiNeitherReadsNorOpensSessionsWhilePagesKeepTheirs() throws InterruptedException {
    String email = newEmail("stateless-api");
    SiteClient member = SITE.member(email, PASSWORD);
    long loggedIn = lastAccess(email);
    Thread.sleep(50);
    // A member's browser sends its session cookie to the API too: it is not looked up in
    // PostgreSQL (the session's last access stays), and the API answers with its own headers.
    HttpResponse<String> api = member.get(SITE.url("/api/v1/releases"));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(api.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'none'; frame-ancestors 'none'");
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(lastAccess(email)).isEqualTo(loggedIn);
    HttpResponse<String> anonymous = new SiteClient().get(SITE.url("/api/v1/releases"));
    assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
    // A page reads the session, which records the access, and keeps the site's policy.
    HttpResponse<String> page = member.get(SITE.url("/"));
    assertThat(page.body()).contains("id=\"account-link\"");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(lastAccess(email)).isGreaterThan(loggedIn);
  }

  @Test
  void pagesSayWhoIsSignedInButARedirectCarriesNoEmail() {
    String email = newEmail("header");
    SiteClient member = SITE.member(email, PASSWORD);
    assertThat(member.get(SITE.url("/codes/icd10cm/E11.9")).body())
        .contains("id=\"account-link\"")
        .doesNotContain("id=\"login-link\"");
    assertThat(new SiteClient().get(SITE.url("/codes/icd10cm/E11.9")).body())
        .contains("id=\"login-link\"")
        .doesNotContain("id=\"account-link\"");
    HttpResponse<String> saved =
        member.submit(
            SITE.url("/account"), SITE.url("/account/profile"), Map.of("displayName", "Header"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(location(saved)).endsWith("/account").doesNotContain("signedIn");
  }

  @Test
  void deletingAnAccountDeletesItsDataAndEndsItsSession() {
    String email = newEmail("delete");
    SiteClient member = SITE.member(email, PASSWORD);
    member.get(SITE.url("/codes/icd10cm/E11.65"));
    long id = SITE.node().getBean(Accounts.class).byEmail(email).orElseThrow().id();
    SITE.node().getBean(Accounts.class).issueApiKey(id, "127.0.0.1");

    HttpResponse<String> wrong =
        member.submit(
            SITE.url("/account"), SITE.url("/account/delete"), Map.of("confirmPassword", "nope"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    HttpResponse<String> deleted =
        member.submit(
            SITE.url("/account"), SITE.url("/account/delete"), Map.of("confirmPassword", PASSWORD));
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).contains("Account deleted");

    assertThat(SITE.node().getBean(Accounts.class).byEmail(email)).isEmpty();
    assertThat(count("select count(*) from api_key where account_id = ?", id)).isZero();
    assertThat(count("select count(*) from account_token where account_id = ?", id)).isZero();
    assertThat(count("select count(*) from meter_view where meter = ?", Accounts.meter(id)))
        .isZero();
    assertThat(
            count(
                "select count(*) from security_event where account_id = ? and email is not null",
                id))
        .isZero();
    assertThat(location(member.get(SITE.url("/account")))).endsWith("/login");
  }

  @Test
  void theAdminEmailBecomesAdministratorAndOnlyAdministratorsSeeTheAdminPages() {
    SiteClient admin = SITE.member(MeteredSite.ADMIN_EMAIL, PASSWORD);
    String email = newEmail("granted");
    SiteClient member = SITE.member(email, PASSWORD);
    assertThat(member.get(SITE.url("/admin/users")).statusCode()).isEqualTo(403);
    assertThat(location(new SiteClient().get(SITE.url("/admin/users")))).endsWith("/login");

    HttpResponse<String> users = admin.get(SITE.url("/admin/users"));
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains(email);
    long id = SITE.node().getBean(Accounts.class).byEmail(email).orElseThrow().id();
    HttpResponse<String> granted =
        admin.submit(
            SITE.url("/admin/users/" + id),
            SITE.url("/admin/users/" + id + "/plan"),
            Map.of("plan", "SUBSCRIBER"));
    assertThat(location(granted)).endsWith("/admin/users/" + id);
    assertThat(SITE.node().getBean(Accounts.class).byId(id).orElseThrow().plan())
        .isEqualTo(Plan.SUBSCRIBER);
    assertThat(admin.get(SITE.url("/admin/plans")).body()).contains("Free member");
  }

  private long lastAccess(String email) {
    return jdbc.sql("select last_access_time from spring_session where principal_name = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private static String sessionCookie(SiteClient client) {
    return client.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private static HttpResponse<String> register(String email, String password) {
    return new SiteClient()
        .submit(
            SITE.url("/register"),
            SITE.url("/register"),
            Map.of("email", email, "password", password));
  }

  private static HttpResponse<String> forgot(String email) {
    return new SiteClient()
        .submit(SITE.url("/password/forgot"), SITE.url("/password/forgot"), Map.of("email", email));
  }
}
