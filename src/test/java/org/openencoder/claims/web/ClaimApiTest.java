package org.openencoder.claims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The claim check API and page over HTTP, security included. */
class ClaimApiTest extends RunningApplication {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> rules(JsonNode result) {
    List<String> rules = new java.util.ArrayList<>();
    result.get("findings").forEach(f -> rules.add(f.get("rule").asString()));
    return rules;
  }

  @Test
  void aBatchOfJsonLinesGetsOneResultLinePerClaimAndABadClaimOnlyItsOwnErrors() throws Exception {
    String batch =
        String.join(
            "\n",
            "{\"id\":\"a\",\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\","
                + "\"lines\":[{\"code\":\"99292\",\"units\":1}]}",
            "{\"id\":\"b\",\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\","
                + "\"lines\":[{\"code\":\"99213\",\"units\":0}]}",
            "not json",
            "",
            "{\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\","
                + "\"lines\":[{\"code\":\"99213\",\"units\":1}]}");

    HttpResponse<String> response =
        post("/api/v1/claims/check/batch", "application/x-ndjson", batch);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    List<JsonNode> results = response.body().lines().map(JSON::readTree).toList();
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("id").asString()).isEqualTo("a");
    assertThat(rules(results.get(0)))
        .containsExactly("ncci-ptp.not-checked", "ncci-add-on.primary-missing");
    assertThat(results.get(1).get("errors").get(0).get("field").asString())
        .isEqualTo("lines[0].units");
    assertThat(results.get(2).get("claim").asInt()).isEqualTo(3);
    assertThat(results.get(2).get("errors").get(0).get("message").asString())
        .startsWith("not valid JSON");
    assertThat(rules(results.get(3))).containsExactly("ncci-ptp.not-checked");
  }

  @Test
  void aCsvBatchGroupsRowsByClaimAndNamesTheRowOfABadClaim() throws Exception {
    String csv =
        "claim,setting,dateOfService,age,sex,diagnoses,code,modifiers,units,diagnosisPointers\n"
            + "c1,practitioner,2026-05-01,70,F,E11.9;I10,99291,,1,1\n"
            + "c1,,,,,,99292,,1,1\n"
            + "c2,practitioner,2026-05-01,70,F,E11.9,99213,,three,1\n"
            + "c3,practitioner,2026-05-01,70,F,E11.9,99213,,3,1\n";

    HttpResponse<String> response = post("/api/v1/claims/check/batch", "text/csv", csv);

    List<JsonNode> results = response.body().lines().map(JSON::readTree).toList();
    assertThat(results).extracting(r -> r.get("id").asString()).containsExactly("c1", "c2", "c3");
    assertThat(rules(results.get(0)))
        .containsExactly("ncci-ptp.not-checked", "icd10cm-excludes1.not-checked");
    assertThat(results.get(1).get("errors").get(0).get("message").asString())
        .contains("(claim from row 4)");
    assertThat(rules(results.get(2)))
        .containsExactly("ncci-ptp.not-checked", "ncci-mue.units-exceeded");
  }

  @Test
  void theJsonApiNeedsNoCsrfTokenAndAnswersBadJsonWith400() throws Exception {
    HttpResponse<String> bad = post("/api/v1/claims/check", "application/json", "{\"setting\":");
    HttpResponse<String> empty = post("/api/v1/claims/check", "application/json", "");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("message").asString())
        .startsWith("not valid JSON");
    assertThat(empty.statusCode()).isEqualTo(400);
  }

  @Test
  void thePageChecksAClaimEnteredInTheFormWithItsCsrfToken() throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/claims"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/claims\"", "Check a claim");
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();

    String form =
        "_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
            + "&setting=practitioner&dateOfService=2026-05-01&age=70&sex=F&diagnoses=E11.9"
            + "&code=99292&modifiers=&units=1&pointers=1"
            + "&code=&modifiers=&units=&pointers=";
    HttpResponse<String> results =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/claims/check")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> forged =
        post("/claims/check", "application/x-www-form-urlencoded", "setting=practitioner");

    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body())
        .contains("Line 1", "ncci-add-on.primary-missing", "AOC_V2026Q2-MCR.xlsx, row")
        .doesNotContain("<html");
    assertThat(forged.statusCode()).isEqualTo(403);
  }
}
