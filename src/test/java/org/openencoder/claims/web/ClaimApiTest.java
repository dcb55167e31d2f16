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
  void aBatchResultLineCarriesTheSameFindingsAsTheSingleClaimAnswer() throws Exception {
    // An add-on code without its primary (a fix), PTP not loaded for 2026 (a notice), and an MUE
    // overrun (a cited row): the findings with and without fixes and effective dates.
    String claim =
        "{\"id\":\"same\",\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\","
            + "\"patient\":{\"age\":70,\"sex\":\"F\"},\"diagnoses\":[\"E11.9\",\"I10\"],"
            + "\"lines\":[{\"code\":\"99292\",\"units\":1,\"diagnosisPointers\":[1]},"
            + "{\"code\":\"99213\",\"modifiers\":[\"25\"],\"units\":3,\"diagnosisPointers\":[2]}]}";

    JsonNode single = JSON.readTree(post("/api/v1/claims/check", "application/json", claim).body());
    // Three times: the texts the findings share are written from their cached JSON the 2nd time.
    String[] lines =
        post("/api/v1/claims/check/batch", "application/x-ndjson", (claim + "\n").repeat(3))
            .body()
            .split("\n");

    assertThat(single.get("findings")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      JsonNode batch = JSON.readTree(line);
      assertThat(batch.get("id").asString()).isEqualTo("same");
      assertThat(batch.get("findings")).isEqualTo(single.get("findings"));
      assertThat(line.substring(line.indexOf("\"findings\"")))
          .isEqualTo(lines[0].substring(lines[0].indexOf("\"findings\"")));
    }
  }

  @Test
  void aLargeBatchAnswersInInputOrderAndBeginsBeforeTheWholeBodyIsSent() throws Exception {
    int count = 3_000;
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      // Every hundredth claim has a line with no units worth billing.
      body.append("{\"id\":\"c")
          .append(i)
          .append("\",\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\",")
          .append("\"diagnoses\":[\"E11.9\"],\"lines\":[{\"code\":\"99213\",\"units\":")
          .append(i % 100 == 0 ? 0 : 1)
          .append(",\"diagnosisPointers\":[1]}]}\n");
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    int half = body.indexOf("\n", bytes.length / 2) + 1;

    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/claims/check/batch HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/x-ndjson\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, half);
      out.flush();
      ChunkedLines in = new ChunkedLines(socket.getInputStream());
      assertThat(in.header()).contains(" 200 ", "Transfer-Encoding: chunked");
      List<String> results = new java.util.ArrayList<>();
      // The first result comes while half the body is still unsent.
      String first = in.next();
      assertThat(first).isNotNull();
      results.add(first);
      out.write(bytes, half, bytes.length - half);
      out.flush();
      for (String line = in.next(); line != null; line = in.next()) {
        results.add(line);
      }

      assertThat(results).hasSize(count);
      for (int i = 1; i <= count; i++) {
        JsonNode result = JSON.readTree(results.get(i - 1));
        assertThat(result.get("claim").asInt()).isEqualTo(i);
        assertThat(result.get("id").asString()).isEqualTo("c" + i);
        assertThat(result.has("errors")).isEqualTo(i % 100 == 0);
      }
    }
  }

  /** The lines of a chunked HTTP/1.1 answer, read as they arrive. */
  private static final class ChunkedLines {
    private final java.io.InputStream in;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private int left;
    private boolean ended;

    ChunkedLines(java.io.InputStream in) {
      this.in = new java.io.BufferedInputStream(in);
    }

    /** The status line and headers. */
    String header() throws IOException {
      StringBuilder head = new StringBuilder();
      for (String line = raw(); !line.isEmpty(); line = raw()) {
        head.append(line).append('\n');
      }
      return head.toString();
    }

    /** The next line of the body, or null at its end. */
    String next() throws IOException {
      line.reset();
      while (true) {
        if (left == 0) {
          if (ended) {
            return null;
          }
          String size = raw();
          if (size.isEmpty()) {
            size = raw();
          }
          left = Integer.parseInt(size.strip(), 16);
          if (left == 0) {
            ended = true;
            return null;
          }
        }
        int b = in.read();
        if (b < 0) {
          throw new IOException("answer ended inside a chunk");
        }
        left--;
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8);
        }
        line.write(b);
      }
    }

    private String raw() throws IOException {
      StringBuilder text = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("answer ended early");
        }
        if (b != '\r') {
          text.append((char) b);
        }
      }
      return text.toString();
    }
  }

  @Test
  void aClaimLineOverTheSizeLimitGetsItsOwnErrorAndTheBatchGoesOn() throws Exception {
    String huge = "{\"setting\":\"practitioner\",\"note\":\"" + "x".repeat(1_200_000) + "\"}";
    String batch =
        huge
            + "\n{\"setting\":\"practitioner\",\"dateOfService\":\"2026-05-01\","
            + "\"lines\":[{\"code\":\"99213\",\"units\":1}]}\n";

    HttpResponse<String> response =
        post("/api/v1/claims/check/batch", "application/x-ndjson", batch);

    List<JsonNode> results = response.body().lines().map(JSON::readTree).toList();
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("errors").get(0).get("message").asString())
        .startsWith("a claim line is at most 1024 KB");
    assertThat(rules(results.get(1))).containsExactly("ncci-ptp.not-checked");
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
