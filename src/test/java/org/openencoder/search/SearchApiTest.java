package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/search over HTTP: results as JSON, and a 400 with a reason for bad input. */
class SearchApiTest extends RunningApplication {

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired JsonMapper json;

  private HttpResponse<String> get(String query) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/api/v1/search?" + query))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void resultsCarryTheSystemThePrintedCodeAndWhatMatched() throws Exception {
    HttpResponse<String> response = get(q("E119"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("query").asString()).isEqualTo("E119");
    JsonNode first = body.get("results").get(0);
    assertThat(first.get("system").asString()).isEqualTo("icd10cm");
    assertThat(first.get("code").asString()).isEqualTo("E11.9");
    assertThat(first.get("title").asString())
        .isEqualTo("Type 2 diabetes mellitus without complications");
    assertThat(first.get("billable").asBoolean()).isTrue();
    assertThat(first.get("score").asDouble()).isPositive();
    assertThat(first.get("matchedOn").asString()).isEqualTo("code");
  }

  @Test
  void theSystemBillableAndLimitParametersApply() throws Exception {
    JsonNode results =
        json.readTree(get(q("blood glucose") + "&system=hcpcs&billable=true&limit=500").body())
            .get("results");
    assertThat(results.size()).isBetween(1, 100);
    for (JsonNode hit : results) {
      assertThat(hit.get("system").asString()).isEqualTo("hcpcs");
      assertThat(hit.get("billable").asBoolean()).isTrue();
    }
    assertThat(json.readTree(get(q("fracture") + "&limit=500").body()).get("results").size())
        .isEqualTo(100);
  }

  @Test
  void badInputGetsA400WithAReasonNeverA500() throws Exception {
    assertThat(get("q=").statusCode()).isEqualTo(400);
    assertThat(get("q=").body()).contains("Enter a code");
    assertThat(get("").statusCode()).isEqualTo(400);
    assertThat(get(q("...")).statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong = get(q("a".repeat(501)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("500");
    assertThat(get(q("a".repeat(500))).statusCode()).isEqualTo(200);
    assertThat(get(q("E11") + "&system=icd9").statusCode()).isEqualTo(400);
    assertThat(get(q("E11") + "&limit=0").statusCode()).isEqualTo(400);
    assertThat(get(q("E11") + "&limit=ten").statusCode()).isEqualTo(400);
    assertThat(get(q("E11") + "&billable=maybe").statusCode()).isEqualTo(400);
  }
}
