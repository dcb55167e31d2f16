package org.openencoder.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;

/** The search page and the header box's suggestions over HTTP, on the real releases. */
class SearchPageWebTest extends RunningApplication {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void resultsLinkTheirCodePageMarkTheMatchedWordsAndCiteTheRelease() throws Exception {
    HttpResponse<String> page = get("/search?" + q("type 2 diabetes without complications"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/codes/icd10cm/E11.9\"")
        .contains(
            "<mark>Type</mark> <mark>2</mark> <mark>diabetes</mark> mellitus <mark>without</mark>"
                + " <mark>complications</mark>")
        .contains("Matched on <span class=\"matched-on\">title</span>")
        .contains("Billable")
        // One level up: the category's page, and a search under it.
        .contains("href=\"/codes/icd10cm/E11\"")
        .contains("href=\"/search?q=E11&amp;system=icd10cm\"")
        .contains("Searched")
        .contains("ICD-10-CM FY2026");
  }

  @Test
  void aDateOfServiceSearchesTheReleaseInForceAndLinksCodePagesForThatDate() throws Exception {
    HttpResponse<String> page = get("/search?" + q("E11.9") + "&date=2021-05-01");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/codes/icd10cm/E11.9?date=2021-05-01\"")
        .contains("<strong>ICD-10-CM FY2021</strong>")
        .contains("for the date of service <strong>2021-05-01</strong>")
        .doesNotContain("<strong>ICD-10-CM FY2026</strong>");
  }

  @Test
  void theSystemAndBillableFiltersApplyAndHeadersAreBadged() throws Exception {
    String all = get("/search?" + q("E11")).body();
    assertThat(all).contains("Header: not valid on a claim").contains("/codes/icd10cm/E11\"");
    String hcpcs = get("/search?" + q("blood glucose") + "&system=hcpcs&billable=true").body();
    assertThat(hcpcs)
        .contains("href=\"/codes/hcpcs/A4253\"")
        .doesNotContain("href=\"/codes/icd10cm/")
        .doesNotContain("Header: not valid on a claim")
        .contains("<option value=\"hcpcs\" selected=\"selected\">");
  }

  @Test
  void theQueryAndEveryTitleAreEscaped() throws Exception {
    HttpResponse<String> page = get("/search?" + q("<script>alert(1)</script> pneumonia"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>alert(1)")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; pneumonia")
        .contains("<mark>Pneumonia</mark>");
  }

  @Test
  void badInputIsAFriendlyMessageOnThePageWithA400() throws Exception {
    HttpResponse<String> badDate = get("/search?" + q("E11.9") + "&date=2026-13-45");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body())
        .contains("id=\"search-problem\"")
        .contains("The date &#39;2026-13-45&#39; is not a date of the form YYYY-MM-DD.")
        .contains("id=\"search-form\"")
        .contains("value=\"E11.9\"");
    for (String query :
        new String[] {
          q("..."), q("a".repeat(501)), q("E11") + "&system=icd9", q("E11") + "&billable=maybe"
        }) {
      HttpResponse<String> page = get("/search?" + query);
      assertThat(page.statusCode()).as(query).isEqualTo(400);
      assertThat(page.body()).as(query).contains("id=\"search-problem\"");
    }
  }

  @Test
  void noQueryIsTheEmptyStateAndNothingFoundSaysSo() throws Exception {
    HttpResponse<String> empty = get("/search");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("id=\"search-empty\"").doesNotContain("search-problem");
    HttpResponse<String> none = get("/search?" + q("qqxqzz wwvvxq"));
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body()).contains("id=\"search-none\"").contains("No codes match");
  }

  @Test
  void htmxGetsOnlyTheResultsAndA400ExplainsItself() throws Exception {
    String[] htmx = {"HX-Request", "true", "HX-Target", "search-results"};
    HttpResponse<String> fragment = get("/search?" + q("E11.9"), htmx);
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.headers().allValues("Vary"))
        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("hx-target"));
    // The results' content only: the element it goes into stays, and with it the live region.
    assertThat(fragment.body())
        .contains("id=\"search-list\"")
        .contains("/codes/icd10cm/E11.9")
        .doesNotContain("id=\"search-results\"")
        .doesNotContain("<html");
    HttpResponse<String> bad = get("/search?" + q("!!!"), htmx);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("The query has no letters or digits").doesNotContain("<html");
  }

  @Test
  void suggestionsAreListboxOptionsForAWordBeingTyped() throws Exception {
    HttpResponse<String> options = get("/search/suggest?" + q("pneum"));
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.body())
        .contains("role=\"option\"")
        .contains("id=\"site-search-option-0\"")
        .contains("<mark>Pneum")
        .contains("href=\"/search?q=pneum\"")
        .doesNotContain("<html");
    assertThat(get("/search/suggest?q=").body()).doesNotContain("role=\"option\"");
    assertThat(get("/search/suggest?" + q("...")).body()).contains("href=\"/search?q=...\"");
  }

  @Test
  void everyPageHasTheHeaderSearchBoxAsACombobox() throws Exception {
    for (String path : new String[] {"/", "/codes/icd10cm/E11.9", "/search"}) {
      assertThat(get(path).body())
          .as(path)
          .contains("role=\"combobox\"")
          .contains("aria-controls=\"site-search-list\"")
          .contains("hx-get=\"/search/suggest\"")
          .contains("action=\"/search\"")
          .contains("src=\"/js/search.js\"");
    }
    assertThat(get("/js/search.js").statusCode()).isEqualTo(200);
  }
}
