package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** Code search on the real releases (ICD-10-CM/PCS FY2026, HCPCS October 2025, RVU26C). */
class CodeSearchTest extends RunningApplication {

  @Autowired CodeSearch search;

  private List<SearchHit> find(String query) {
    return search.search(query, SearchFilter.ANY, 10).results();
  }

  private static List<String> codes(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::code).toList();
  }

  @Test
  void aCodeWithOrWithoutItsDotComesFirstPrintedWithTheDot() {
    for (String query : List.of("e11.9", "E119", " E11.9 ")) {
      SearchHit first = find(query).get(0);
      assertThat(first.code()).as(query).isEqualTo("E11.9");
      assertThat(first.system()).isEqualTo("icd10cm");
      assertThat(first.title()).isEqualTo("Type 2 diabetes mellitus without complications");
      assertThat(first.billable()).isTrue();
      assertThat(first.matchedOn()).isEqualTo("code");
    }
  }

  @Test
  void aCodePrefixGivesTheCategoryAndThenTheCodesUnderIt() {
    List<SearchHit> hits = find("E11.*");
    assertThat(hits.get(0).code()).isEqualTo("E11");
    assertThat(hits.get(0).billable()).isFalse();
    assertThat(codes(hits)).contains("E11.8", "E11.9");
    assertThat(hits).allSatisfy(h -> assertThat(h.code().replace(".", "")).startsWith("E11"));
    assertThat(codes(find("E11")).get(0)).isEqualTo("E11");
  }

  @Test
  void aCodeTypedAsPrintedComesBeforeACodeOfAnotherSystemThatNeedsADot() {
    // G0439 is a HCPCS code as printed and ICD-10-CM G04.39 without its dot: both match exactly.
    assertThat(codes(find("G0439"))).startsWith("G0439", "G04.39");
    assertThat(find("G0439").get(0).system()).isEqualTo("hcpcs");
    assertThat(codes(find("G04.39")).get(0)).isEqualTo("G04.39");
  }

  @Test
  void aCommonWordAloneStillFindsTheCodeTheBooksGiveForIt() {
    // "fracture" is in the titles or terms of tens of thousands of codes; each release's
    // narrowing stops after its first few hundred by static rank, and only those are scored.
    // The Tabular's inclusion term "Fracture NOS" (T14.8-) must still come first.
    List<SearchHit> hits = search.search("fracture", SearchFilter.ANY, 20).results();
    assertThat(hits).hasSize(20);
    assertThat(hits.get(0).code()).isEqualTo("T14.8XXA");
    assertThat(hits.get(0).matchedOn()).contains("'Fracture NOS'");
  }

  @Test
  void codesOfEverySystemAreFoundByTheirCode() {
    assertThat(find("0DTJ4ZZ").get(0))
        .extracting(SearchHit::system, SearchHit::code, SearchHit::title)
        .containsExactly(
            "icd10pcs", "0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach");
    assertThat(find("s52.521a").get(0).code()).isEqualTo("S52.521A");
    assertThat(find("A4253").get(0)).extracting(SearchHit::system).isEqualTo("hcpcs");
    // Without a CPT licence the number is found but no descriptor is shown.
    assertThat(find("99213").get(0))
        .extracting(SearchHit::system, SearchHit::code, SearchHit::title)
        .containsExactly("cpt", "99213", "");
  }

  @Test
  void theWholeTitleRanksItsCodeFirst() {
    SearchHit first = find("type 2 diabetes mellitus without complications").get(0);
    assertThat(first.code()).isEqualTo("E11.9");
    assertThat(first.matchedOn()).isEqualTo("title");
  }

  @Test
  void aLongQueryOfCommonWordsFindsTheCodeWithEveryWordFirst() {
    // "with", "type", "chronic" and "disease" are in tens of thousands of titles; the search looks
    // first at the codes with every word, then with all but one.
    List<SearchHit> hits = find("type 2 diabetes with diabetic chronic kidney disease");
    assertThat(hits.get(0).code()).isEqualTo("E11.22");
    assertThat(codes(hits.subList(0, 5))).contains("E10.22");
  }

  @Test
  void aQueryOfManyLayWordsAndTyposStaysWithinLucenesClauseLimit() {
    // 32 words, several synonym readings and typo alternatives: with its narrowings the query
    // would pass Lucene's 1,024 clauses; the search still answers, by the query alone.
    String query =
        "heart attack pink eye high blood pressure sugar diabetes broken arm kidney stones sore"
            + " throat chicken pox mini stroke blood clot in leg collapsed lung slipped disc"
            + " sprained ankle dog bite bee sting pnuemonia diabetis fractrue hart failur";
    assertThat(find(query)).isNotEmpty();
  }

  @Test
  void aTypoStillFindsTheCodeAndSaysItMatchedFuzzily() {
    List<SearchHit> hits = find("pnuemonia").subList(0, 5);
    assertThat(codes(hits)).contains("J18.9");
    assertThat(hits).allSatisfy(h -> assertThat(h.matchedOn()).isEqualTo("title (fuzzy)"));
  }

  @Test
  void pluralsMeetTheirSingularInHcpcsDescriptions() {
    // HCPCS A4253: "Blood glucose test or reagent strips for home blood glucose monitor, per 50
    // strips"; A4252 says "strip".
    List<SearchHit> hits = find("blood glucose test strips");
    assertThat(codes(hits.subList(0, 5))).contains("A4253");
    assertThat(codes(hits)).contains("A4252");
  }

  @Test
  void aBillableCodeOutranksTheHeaderWithTheSameTitle() {
    // J18 and J18.9 are both "Pneumonia, unspecified organism".
    List<String> codes = codes(find("pneumonia unspecified organism"));
    assertThat(codes.indexOf("J18.9")).isLessThan(codes.indexOf("J18"));
  }

  @Test
  void theSystemAndBillableFiltersNarrowTheResults() {
    List<SearchHit> hcpcs =
        search
            .search("blood glucose", new SearchFilter(CodeSystem.HCPCS, false, null), 20)
            .results();
    assertThat(hcpcs).isNotEmpty().allSatisfy(h -> assertThat(h.system()).isEqualTo("hcpcs"));
    assertThat(
            search.search("E11.9", new SearchFilter(CodeSystem.HCPCS, false, null), 20).results())
        .extracting(SearchHit::code)
        .doesNotContain("E11.9")
        .contains("E1190");
    assertThat(search.search("E11", new SearchFilter(null, true, null), 50).results())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.billable()).isTrue());
  }

  @Test
  void theLimitIsKeptAndCappedAt100() {
    assertThat(search.search("fracture", SearchFilter.ANY, 3).results()).hasSize(3);
    assertThat(search.search("fracture", SearchFilter.ANY, 1000).results()).hasSize(100);
  }

  @Test
  void queriesThatCannotBeSearchedAreRefusedWithAReason() {
    assertThatThrownBy(() -> search.search("  ", SearchFilter.ANY, 10))
        .isInstanceOf(InvalidSearchException.class)
        .hasMessageContaining("Enter a code");
    assertThatThrownBy(() -> search.search("?!.*", SearchFilter.ANY, 10))
        .isInstanceOf(InvalidSearchException.class)
        .hasMessageContaining("no letters or digits");
    assertThatThrownBy(() -> search.search("\n-\u0085-\n", SearchFilter.ANY, 10))
        .isInstanceOf(InvalidSearchException.class);
    assertThat(search.search("\nE11.9\n", SearchFilter.ANY, 1).results().get(0).code())
        .isEqualTo("E11.9");
    assertThatThrownBy(() -> search.search("a".repeat(501), SearchFilter.ANY, 10))
        .isInstanceOf(InvalidSearchException.class)
        .hasMessageContaining("500");
  }

  @Test
  void aLongQueryOfManyWordsIsAnsweredNotRefusedByLucene() {
    StringBuilder words = new StringBuilder("fracture of radius");
    for (int i = 0; words.length() < 494; i++) {
      // Made-up five-letter words, each of which the typo correction looks up.
      words.append(" q").append((char) ('a' + i / 26)).append((char) ('a' + i % 26)).append("zy");
    }
    assertThat(words.length()).isLessThanOrEqualTo(500);
    assertThat(search.search(words.toString(), SearchFilter.ANY, 10).results()).isNotEmpty();
  }

  @Test
  void suggestionsCompleteAWordStillBeingTyped() {
    List<SearchHit> hits = search.suggest("pneum", SearchFilter.ANY, 8).results();
    assertThat(hits).hasSize(8);
    assertThat(hits)
        .allSatisfy(
            h -> assertThat(h.title().toLowerCase(java.util.Locale.ROOT)).contains("pneum"));
    // A query that ends with a space has finished its last word: it is searched as typed (HCPCS
    // short titles abbreviate pneumatic to "pneum").
    assertThat(codes(search.suggest("pneum ", SearchFilter.ANY, 8).results()))
        .isEqualTo(codes(search.search("pneum", SearchFilter.ANY, 8).results()))
        .doesNotContain("J18.9");
    assertThat(
            codes(search.suggest("type 2 diabetes without compl", SearchFilter.ANY, 8).results()))
        .contains("E11.9");
  }

  @Test
  void aDateOfServiceSearchesTheReleaseInForceAndSaysWhichOneItWas() {
    SearchResults fy2021 =
        search.search(
            "E11.9", new SearchFilter(CodeSystem.ICD10CM, false, LocalDate.of(2021, 5, 1)), 5);
    assertThat(fy2021.releases())
        .singleElement()
        .satisfies(r -> assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2020, 10, 1)));
    assertThat(fy2021.results().get(0).release()).isEqualTo(fy2021.releases().get(0).title());
    // U07.1 (COVID-19) took effect on 2020-04-01 and is in FY2021; FY2026 lists it too, so the
    // date is seen in which release answers, not in whether the code is found.
    assertThat(fy2021.results().get(0).release()).contains("2021");

    // FY2025 has only its index tables here: the answer says so instead of searching FY2026.
    SearchResults fy2025 =
        search.search(
            "E11.9", new SearchFilter(CodeSystem.ICD10CM, false, LocalDate.of(2025, 5, 1)), 5);
    assertThat(fy2025.results()).isEmpty();
    assertThat(fy2025.notices()).singleElement().asString().contains("lists no codes here");
    SearchResults before =
        search.search(
            "E11.9", new SearchFilter(CodeSystem.ICD10CM, false, LocalDate.of(2001, 1, 1)), 5);
    assertThat(before.notices()).singleElement().asString().contains("No ICD-10-CM release covers");
  }

  @Test
  void eachResultShowsItsCategoryAndWhichWordsMatched() {
    SearchHit first = find("type 2 diabetes mellitus without complications").get(0);
    assertThat(first.category()).isEqualTo("E11");
    assertThat(first.categoryTitle()).isEqualTo("Type 2 diabetes mellitus");
    // "Type 2 diabetes mellitus without complications": every word, by character offsets.
    assertThat(first.highlights())
        .extracting(span -> first.title().substring(span.start(), span.end()))
        .containsExactly("Type", "2", "diabetes", "mellitus", "without", "complications");
  }

  @Test
  void aConditionNamedAndNoMoreFindsItsDefaultCodeFirst() {
    // M06.9 "Rheumatoid arthritis, unspecified" above the codes "without rheumatoid factor", which
    // repeat the query's word; the Index gives M06.9 for "Arthritis, rheumatoid".
    assertThat(codes(find("rheumatoid arthritis")).get(0)).isEqualTo("M06.9");
    // "T2DM" has the shape of a code prefix but no code starts with it: it is ranked as the words
    // it stands for, and E11.9 (type 2, no complication named) comes first.
    SearchHit t2dm = find("T2DM").get(0);
    assertThat(t2dm.code()).isEqualTo("E11.9");
    assertThat(t2dm.matchedOn()).contains("synonym 't2dm'");
    // "History of" an infarction is coded as an old one (I25.2), not a personal history code.
    assertThat(codes(find("history of heart attack")).get(0)).isEqualTo("I25.2");
  }

  @Test
  void twoLayWordsInOneQueryAreReadTogether() {
    // "broken" is "fracture" and "collarbone" is "clavicle": only both at once find S42.0-.
    assertThat(codes(find("broken collarbone")).get(0)).startsWith("S42.0");
    assertThat(codes(find("broken kneecap")).get(0)).startsWith("S82.0");
  }
}
