package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** Answers kept for searches asked again: the same answer, until the active releases change. */
class SearchCacheTest extends RunningApplication {

  @Autowired CodeSearch codeSearch;

  private SearchCache cache(boolean enabled) {
    return new SearchCache(
        codeSearch, codeSets, new SearchProperties(new SearchProperties.Cache(enabled, 50_000)));
  }

  @Test
  void aQuestionAskedAgainIsAnsweredFromMemoryWithWhatTheIndexWouldSay() {
    SearchCache cache = cache(true);
    SearchResults first = cache.search("heart attack", SearchFilter.ANY, 20);
    assertThat(first.results()).isNotEmpty();
    assertThat(cache.search(" heart attack  ", SearchFilter.ANY, 20)).isSameAs(first);
    assertThat(first).isEqualTo(codeSearch.search("heart attack", SearchFilter.ANY, 20));
  }

  @Test
  void theFilterTheLimitAndSuggestingAreEachPartOfTheQuestion() {
    SearchCache cache = cache(true);
    SearchFilter pcs = new SearchFilter(CodeSystem.ICD10PCS, false, null);
    SearchResults all = cache.search("fracture", SearchFilter.ANY, 20);
    SearchResults five = cache.search("fracture", SearchFilter.ANY, 5);
    SearchResults inPcs = cache.search("fracture", pcs, 20);
    assertThat(all.results()).hasSize(20);
    assertThat(five.results()).hasSize(5);
    assertThat(inPcs.results()).allSatisfy(hit -> assertThat(hit.system()).isEqualTo("icd10pcs"));
    assertThat(all.results()).anySatisfy(hit -> assertThat(hit.system()).isEqualTo("icd10cm"));
    // "pneum" is typed on (a prefix); "pneum " is a finished word, a question of its own.
    SearchResults typing = cache.suggest("pneum", SearchFilter.ANY, 8);
    SearchResults finished = cache.suggest("pneum ", SearchFilter.ANY, 8);
    assertThat(typing).isEqualTo(codeSearch.suggest("pneum", SearchFilter.ANY, 8));
    assertThat(finished).isEqualTo(codeSearch.suggest("pneum ", SearchFilter.ANY, 8));
    assertThat(finished).isNotSameAs(typing);
    assertThat(cache.suggest("pneum", SearchFilter.ANY, 8)).isSameAs(typing);
    assertThat(cache.search("pneum", SearchFilter.ANY, 8)).isNotSameAs(typing);
  }

  @Test
  void releasesLoadedAgainAreSearchedAgain() {
    SearchCache cache = cache(true);
    SearchResults before = cache.search("pink eye", SearchFilter.ANY, 20);
    assertThat(cache.search("pink eye", SearchFilter.ANY, 20)).isSameAs(before);
    long generation = codeSets.generation();
    codeSets.reload();
    assertThat(codeSets.generation()).isGreaterThan(generation);
    SearchResults after = cache.search("pink eye", SearchFilter.ANY, 20);
    assertThat(after).isNotSameAs(before).isEqualTo(before);
  }

  @Test
  void badInputIsRefusedEveryTimeAndOffMeansTheIndexIsAskedEveryTime() {
    SearchCache cache = cache(true);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.search("...", SearchFilter.ANY, 20))
          .isInstanceOf(InvalidSearchException.class);
      assertThatThrownBy(() -> cache.suggest("", SearchFilter.ANY, 8))
          .isInstanceOf(InvalidSearchException.class);
    }
    SearchCache off = cache(false);
    SearchResults first = off.search("asthma", SearchFilter.ANY, 20);
    assertThat(off.search("asthma", SearchFilter.ANY, 20)).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void aRenderedAnswerIsRenderedOnceAndIsTheRenderingOfTheIndexsAnswer() {
    AtomicInteger renderings = new AtomicInteger();
    Function<SearchResults, byte[]> render =
        results -> {
          renderings.incrementAndGet();
          return results.toString().getBytes(StandardCharsets.UTF_8);
        };
    byte[] fromIndex = render.apply(codeSearch.search("broken arm", SearchFilter.ANY, 20));
    renderings.set(0);
    SearchCache cache = cache(true);
    byte[] first = cache.searchAs("broken arm", SearchFilter.ANY, 20, render);
    assertThat(first).isEqualTo(fromIndex);
    assertThat(cache.searchAs(" broken arm", SearchFilter.ANY, 20, render)).isSameAs(first);
    assertThat(renderings).hasValue(1);
    // Kept first without its rendering (the search page), rendered when the API asks, then kept.
    SearchResults typed = cache.suggest("pneum", SearchFilter.ANY, 8);
    byte[] rendered = cache.suggestAs("pneum", SearchFilter.ANY, 8, render);
    assertThat(rendered).isEqualTo(render.apply(typed));
    assertThat(cache.suggestAs("pneum", SearchFilter.ANY, 8, render)).isSameAs(rendered);
    assertThat(cache.suggest("pneum", SearchFilter.ANY, 8)).isSameAs(typed);
    // Off, every request searches and renders.
    SearchCache off = cache(false);
    renderings.set(0);
    assertThat(off.searchAs("broken arm", SearchFilter.ANY, 20, render)).isEqualTo(fromIndex);
    assertThat(off.searchAs("broken arm", SearchFilter.ANY, 20, render)).isEqualTo(fromIndex);
    assertThat(renderings).hasValue(2);
  }
}
