package org.openencoder.search.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.search.CodeSearch;
import org.openencoder.search.InvalidSearchException;
import org.openencoder.search.SearchCache;
import org.openencoder.search.SearchFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Code search as JSON: by code, keywords or a typo, over the active releases. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApiController {

  private static final int DEFAULT_LIMIT = 20;
  private static final int DEFAULT_SUGGESTIONS = 8;

  private final SearchCache codeSearch;
  private final SearchResultsJson answers;

  SearchApiController(SearchCache codeSearch, JsonMapper json) {
    this.codeSearch = codeSearch;
    this.answers = new SearchResultsJson(json);
  }

  /** Up to {@code limit} codes (at most 100), best first; 400 for a query that cannot be run. */
  @GetMapping
  void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
    SearchFilter filter = filter(request);
    int limit = limit(request, DEFAULT_LIMIT);
    write(codeSearch.searchAs(request.getParameter("q"), filter, limit, answers::write), response);
  }

  /** Completions while typing: the last word may be unfinished ("pneum"). */
  @GetMapping("/suggest")
  void suggest(HttpServletRequest request, HttpServletResponse response) throws IOException {
    SearchFilter filter = filter(request);
    int limit = limit(request, DEFAULT_SUGGESTIONS);
    write(codeSearch.suggestAs(request.getParameter("q"), filter, limit, answers::write), response);
  }

  /*
   * The parameters are read from the request and the answer's bytes (kept with the answer, see
   * SearchCache#searchAs) written straight to the response: with @RequestParam arguments Spring
   * MVC made a data binder for each of the five parameters on every request, and a returned body
   * went through the choice of a message converter. With the JSON written again on every request,
   * that was about a third of the CPU of a search answered from memory (bench/README.md).
   */
  private static void write(byte[] json, HttpServletResponse response) throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  private SearchFilter filter(HttpServletRequest request) {
    return filter(
        request.getParameter("system"),
        SearchParameters.billableOnly(request.getParameter("billable")),
        request.getParameter("date"));
  }

  private static int limit(HttpServletRequest request, int defaultLimit) {
    return bounded(SearchParameters.limit(request.getParameter("limit"), defaultLimit));
  }

  private SearchFilter filter(
      @Nullable String system, boolean billable, @Nullable String dateOfService) {
    if (!codeSearch.ready()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "The code sets are still loading; try again shortly.");
    }
    return SearchParameters.filter(system, billable, dateOfService);
  }

  private static int bounded(int limit) {
    return Math.min(limit, CodeSearch.MAX_LIMIT);
  }

  @ExceptionHandler(InvalidSearchException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidSearchException e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.getMessage()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("status", e.getStatusCode().value(), "error", String.valueOf(e.getReason())));
  }
}
