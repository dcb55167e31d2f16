package org.openencoder.search.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.search.CodeSearch;
import org.openencoder.search.InvalidSearchException;
import org.openencoder.search.SearchCache;
import org.openencoder.search.SearchFilter;
import org.openencoder.search.SearchResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  ResponseEntity<byte[]> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String system,
      @RequestParam(defaultValue = "false") boolean billable,
      @RequestParam(required = false) String date,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    return json(codeSearch.search(q, filter(system, billable, date), bounded(limit)));
  }

  /** Completions while typing: the last word may be unfinished ("pneum"). */
  @GetMapping("/suggest")
  ResponseEntity<byte[]> suggest(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String system,
      @RequestParam(defaultValue = "false") boolean billable,
      @RequestParam(required = false) String date,
      @RequestParam(defaultValue = "" + DEFAULT_SUGGESTIONS) int limit) {
    return json(codeSearch.suggest(q, filter(system, billable, date), bounded(limit)));
  }

  // Bytes, already JSON: Spring's byte array converter copies them as they are.
  private ResponseEntity<byte[]> json(SearchResults results) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answers.write(results));
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
