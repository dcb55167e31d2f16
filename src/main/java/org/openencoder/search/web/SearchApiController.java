package org.openencoder.search.web;

import java.util.Map;
import java.util.Optional;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.search.CodeSearch;
import org.openencoder.search.InvalidSearchException;
import org.openencoder.search.SearchResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Code search as JSON: by code, keywords or a typo, over the active releases. */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

  private static final int DEFAULT_LIMIT = 20;

  private final CodeSearch codeSearch;

  SearchApiController(CodeSearch codeSearch) {
    this.codeSearch = codeSearch;
  }

  /** Up to {@code limit} codes (at most 100), best first; 400 for a query that cannot be run. */
  @GetMapping("/search")
  SearchResults search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String system,
      @RequestParam(defaultValue = "false") boolean billable,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    if (!codeSearch.ready()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "The code sets are still loading; try again shortly.");
    }
    Optional<CodeSystem> codeSystem = Optional.empty();
    if (system != null && !system.isBlank()) {
      codeSystem = CodeSystem.fromSlug(system.strip());
      if (codeSystem.isEmpty()) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "Unknown code system '" + system + "'; use icd10cm, icd10pcs, hcpcs or cpt.");
      }
    }
    return codeSearch.search(q, codeSystem, billable, Math.min(limit, CodeSearch.MAX_LIMIT));
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
