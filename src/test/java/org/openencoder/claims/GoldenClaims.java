package org.openencoder.claims;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A golden claims file: each claim, posted to {@code POST /api/v1/claims/check}, must give exactly
 * its recorded findings (or 400 errors), and the rules (or error fields) its author wrote by hand.
 * {@code -Dgolden.update=true} rewrites the recorded findings from what the checker says; a person
 * reads the diff.
 */
final class GoldenClaims {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final String checkUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Integer> families = new TreeMap<>();
  private int size;

  GoldenClaims(Path file, String checkUrl) {
    this.file = file;
    this.checkUrl = checkUrl;
  }

  /** Cases per family, once {@link #failures} has run. */
  Map<String, Integer> families() {
    return families;
  }

  int size() {
    return size;
  }

  /** Every case that differs, with what was expected and what came back. */
  List<String> failures() throws IOException, InterruptedException {
    ArrayNode cases = (ArrayNode) JSON.readTree(Files.readString(file));
    size = cases.size();
    boolean update = Boolean.getBoolean("golden.update");
    List<String> failures = new ArrayList<>();
    for (JsonNode c : cases) {
      ObjectNode golden = (ObjectNode) c;
      HttpResponse<String> response = post(golden.get("claim").toString());
      JsonNode body = JSON.readTree(response.body());
      String key = response.statusCode() == 200 ? "findings" : "errors";
      JsonNode actual = body.get(key);
      families.merge(golden.get("family").asString(), 1, Integer::sum);
      String intent = intended(golden, response.statusCode(), actual);
      if (intent != null) {
        failures.add(golden.get("name").asString() + ": " + intent);
      }
      if (update) {
        golden.remove("findings");
        golden.remove("errors");
        golden.set(key, actual);
        continue;
      }
      JsonNode expected = golden.get(key);
      if (expected == null || !matches(expected, actual)) {
        failures.add(
            golden.get("name").asString()
                + ": HTTP "
                + response.statusCode()
                + "\n  expected "
                + key
                + " "
                + expected
                + "\n  actual   "
                + actual);
      }
    }
    if (update) {
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases) + "\n");
    }
    return failures;
  }

  /**
   * What the case's author wrote by hand, checked even when recording: the rules of the findings
   * ({@code rules}, in any order) or the fields of the 400 errors ({@code errorFields}). Null when
   * the response agrees.
   */
  private static String intended(JsonNode golden, int status, JsonNode actual) {
    if (golden.has("errorFields")) {
      List<String> fields = new ArrayList<>();
      if (status == 400) {
        actual.forEach(e -> fields.add(e.get("field").asString()));
      }
      List<String> expected = new ArrayList<>();
      golden.get("errorFields").forEach(f -> expected.add(f.asString()));
      return status == 400 && fields.equals(expected)
          ? null
          : "expected 400 errors on " + expected + ", got HTTP " + status + " " + actual;
    }
    if (status != 200) {
      return "expected findings, got HTTP " + status + " " + actual;
    }
    List<String> rules = new ArrayList<>();
    actual.forEach(f -> rules.add(f.get("rule").asString()));
    List<String> expected = new ArrayList<>();
    golden.get("rules").forEach(r -> expected.add(r.asString()));
    List<String> sortedRules = rules.stream().sorted().toList();
    List<String> sortedExpected = expected.stream().sorted().toList();
    return sortedRules.equals(sortedExpected)
        ? null
        : "expected rules " + sortedExpected + ", got " + sortedRules + ": " + actual;
  }

  /** Equal, except that an expected object may leave keys out (a case being written). */
  private static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected.isObject()) {
      if (actual == null || !actual.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        if (!matches(field.getValue(), actual.get(field.getKey()))) {
          return false;
        }
      }
      return expected.size() == actual.size()
          || expected.size() < actual.size() && !expected.has("message") && !expected.has("field");
    }
    if (expected.isArray()) {
      if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(checkUrl))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
