package org.openencoder.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.search.CodeSearch;
import org.openencoder.search.SearchFilter;
import org.openencoder.search.SearchResults;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's hand-written JSON is byte for byte what the JsonMapper writes for the same answers:
 * every query of the benchmark mix (codes, prefixes, words, typos, lay words, suggestions while
 * typing), a filtered answer, and one with notices and no release.
 */
class SearchResultsJsonTest extends RunningApplication {

  @Autowired CodeSearch codeSearch;
  @Autowired JsonMapper json;

  private static List<String[]> mix() throws IOException {
    List<String[]> mix =
        Files.readAllLines(Path.of("bench/search-queries.tsv")).stream()
            .filter(line -> !line.startsWith("#") && line.contains("\t"))
            .map(line -> line.split("\t", 2))
            .toList();
    assertThat(mix).hasSizeGreaterThan(200);
    return mix;
  }

  @Test
  void everyAnswerOfTheQueryMixIsWrittenAsTheJsonMapperWritesIt() throws IOException {
    SearchResultsJson writer = new SearchResultsJson(json);
    List<String[]> mix = mix();
    for (String[] query : mix) {
      SearchResults answer =
          query[0].equals("typing")
              ? codeSearch.suggest(query[1], SearchFilter.ANY, 8)
              : codeSearch.search(query[1], SearchFilter.ANY, 20);
      assertThat(new String(writer.write(answer), StandardCharsets.UTF_8))
          .as(query[1])
          .isEqualTo(json.writeValueAsString(answer));
    }
    // Filtered, and before any release: no results, a notice for each code system.
    SearchFilter pcs = new SearchFilter(CodeSystem.ICD10PCS, true, LocalDate.of(2026, 1, 15));
    SearchFilter before = new SearchFilter(null, false, LocalDate.of(2001, 1, 1));
    for (SearchResults answer :
        List.of(codeSearch.search("appendectomy", pcs, 5), codeSearch.search("E11.9", before, 5))) {
      assertThat(new String(writer.write(answer), StandardCharsets.UTF_8))
          .isEqualTo(json.writeValueAsString(answer));
    }
    SearchResults none = codeSearch.search("E11.9", before, 5);
    assertThat(none.results()).isEmpty();
    assertThat(none.notices()).isNotEmpty();
  }

  /**
   * The API sends a kept answer's JSON as it was written the first time: asked twice (the second
   * time from memory), every query of the mix answers byte for byte what the index's own answer,
   * searched now without the cache, is written as.
   */
  @Test
  void answersFromMemoryAreTheBytesOfTheIndexsAnswer() throws Exception {
    SearchResultsJson writer = new SearchResultsJson(json);
    HttpClient http = HttpClient.newHttpClient();
    for (String[] query : mix()) {
      boolean typing = query[0].equals("typing");
      byte[] uncached =
          writer.write(
              typing
                  ? codeSearch.suggest(query[1], SearchFilter.ANY, 8)
                  : codeSearch.search(query[1], SearchFilter.ANY, 20));
      URI uri =
          URI.create(
              url(
                  (typing ? "/api/v1/search/suggest?q=" : "/api/v1/search?q=")
                      + URLEncoder.encode(query[1], StandardCharsets.UTF_8)));
      for (int time = 1; time <= 2; time++) {
        HttpResponse<byte[]> response =
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).as("%s, asked %d times", query[1], time).isEqualTo(uncached);
      }
    }
  }
}
