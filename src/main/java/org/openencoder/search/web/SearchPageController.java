package org.openencoder.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.search.InvalidSearchException;
import org.openencoder.search.SearchCache;
import org.openencoder.search.SearchFilter;
import org.openencoder.search.SearchHit;
import org.openencoder.search.SearchResults;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page, /search, and the suggestions of the header's search box. With htmx the form's
 * changes fetch only the results; without JavaScript it is a plain GET form.
 */
@Controller
class SearchPageController {

  static final int PAGE_RESULTS = 50;
  static final int SUGGESTIONS = 8;
  // The id of the element htmx swaps the results into; its requests say so in HX-Target.
  private static final String RESULTS_TARGET = "search-results";

  private final SearchCache codeSearch;

  SearchPageController(SearchCache codeSearch) {
    this.codeSearch = codeSearch;
  }

  /**
   * A code found, with its title cut into marked and unmarked stretches.
   *
   * @param categorySearch the search for the codes under the code's category, with the same
   *     filters; null at the top
   */
  record FoundCode(SearchHit hit, MarkedTitle title, @Nullable String categorySearch) {}

  @GetMapping("/search")
  String page(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String system,
      @RequestParam(required = false) String billable,
      @RequestParam(required = false) String date,
      @RequestHeader(name = "HX-Target", required = false) @Nullable String htmxTarget,
      Model model,
      HttpServletResponse response) {
    // The page and its results fragment answer the same URL: caches must keep them apart.
    response.addHeader(HttpHeaders.VARY, "HX-Target");
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("system", system == null ? "" : system);
    model.addAttribute("date", date == null || date.isBlank() ? null : date.strip());
    model.addAttribute("billableOnly", "true".equalsIgnoreCase(billable) || "on".equals(billable));
    model.addAttribute("systems", Arrays.asList(CodeSystem.values()));
    model.addAttribute("pageSize", PAGE_RESULTS);
    try {
      SearchFilter filter =
          SearchParameters.filter(system, SearchParameters.billableOnly(billable), date);
      if (q != null && !q.isBlank()) {
        if (!codeSearch.ready()) {
          response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
          model.addAttribute(
              "problem",
              "The code sets are still being imported or loaded; try again shortly (see"
                  + " Releases).");
        } else {
          SearchResults results = codeSearch.search(q, filter, PAGE_RESULTS);
          model.addAttribute("results", results);
          model.addAttribute("found", found(results, filter));
        }
      }
    } catch (InvalidSearchException e) {
      // The form stays on the page with the reason; htmx swaps a 400 in (search.js).
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", e.getMessage());
    }
    return RESULTS_TARGET.equals(htmxTarget) ? "search/page :: results" : "search/page";
  }

  /**
   * The header box's suggestions, an htmx fragment of listbox options. A query that cannot be
   * searched yet (empty, punctuation) gets no options rather than an error while typing.
   */
  @GetMapping("/search/suggest")
  String suggest(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("q", q == null ? "" : q.strip());
    List<FoundCode> found = List.of();
    if (q != null && !q.isBlank() && codeSearch.ready()) {
      try {
        found = found(codeSearch.suggest(q, SearchFilter.ANY, SUGGESTIONS), SearchFilter.ANY);
      } catch (InvalidSearchException e) {
        // Nothing to suggest for this input yet; the full search page explains why on Enter.
      }
    }
    model.addAttribute("found", found);
    model.addAttribute("loading", !codeSearch.ready());
    return "search/suggestions :: options";
  }

  private static List<FoundCode> found(SearchResults results, SearchFilter filter) {
    return results.results().stream()
        .map(
            hit ->
                new FoundCode(
                    hit,
                    MarkedTitle.of(hit.title(), hit.highlights()),
                    hit.category() == null ? null : categorySearch(hit, filter)))
        .toList();
  }

  // "Go up a level": the category as a code prefix finds it first and then every code under it.
  private static String categorySearch(SearchHit hit, SearchFilter filter) {
    UriComponentsBuilder search =
        UriComponentsBuilder.fromPath("/search")
            .queryParam("q", hit.category())
            .queryParam("system", hit.system());
    if (filter.billableOnly()) {
      search.queryParam("billable", true);
    }
    if (filter.dateOfService() != null) {
      search.queryParam("date", filter.dateOfService());
    }
    return search.encode().build().toUriString();
  }
}
