package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.Release;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** TitlePhrase against the PhraseQuery it replaced, on the index of the real releases. */
class TitlePhraseTest extends RunningApplication {

  @Autowired CodeIndex index;

  // Typed queries, in the titles' order and out of it, with repeated words, and one with a word no
  // title has.
  private static final List<String> QUERIES =
      List.of(
          "type 2 diabetes mellitus with diabetic chronic kidney disease",
          "low back pain",
          "pain back",
          "displaced fracture of shaft of right femur",
          "fracture right femur",
          "chronic kidney disease stage 3",
          "acute myocardial infarction",
          "kidney chronic disease",
          "heart failure",
          "urinary tract infection",
          "wheelchair cushion",
          "pneumonia zzyqx organism");

  private Set<Long> every() {
    return codeSets.activeReleases().stream().map(Release::id).collect(Collectors.toSet());
  }

  @Test
  void scoresEveryCodeAsPhraseQueryDoes() throws IOException {
    CodeIndex.View view = index.view(every());
    int exactMatches = 0;
    for (int slop : new int[] {2, 0}) {
      for (String text : QUERIES) {
        Map<Integer, Float> found = sameAsPhraseQuery(view, slop, text);
        // The comparison is of codes found, not of two empty lists: with two moves, every phrase
        // but the one with the unknown word is in some title ("pain back" in "back pain").
        if (text.contains("zzyqx")) {
          assertThat(found).as(text).isEmpty();
        } else if (slop == 2) {
          assertThat(found).as(text).isNotEmpty();
        } else {
          exactMatches += found.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(exactMatches).isGreaterThan(QUERIES.size() / 2);
  }

  @Test
  void scoresAsPhraseQueryInAViewOfOneRelease() throws IOException {
    // The view's own word counts are not those it scores with (every release's are).
    CodeIndex.View one = index.view(Set.of(codeSets.activeReleases("icd10cm").get(0).id()));
    int found = 0;
    for (int slop : new int[] {2, 0}) {
      for (String text : QUERIES) {
        found += sameAsPhraseQuery(one, slop, text).size();
      }
    }
    assertThat(found).isGreaterThan(100);
  }

  // The codes a phrase finds in a view and their scores, once asserted the same as PhraseQuery's.
  private Map<Integer, Float> sameAsPhraseQuery(CodeIndex.View view, int slop, String text)
      throws IOException {
    List<String> words = index.words(text);
    Query expected = new PhraseQuery(slop, CodeIndex.TITLE, words.toArray(String[]::new));
    Query actual = view.phrase(slop, CodeIndex.TITLE, words);
    String as = text + " ~" + slop;
    for (ScoreMode mode : List.of(ScoreMode.COMPLETE, ScoreMode.TOP_SCORES)) {
      // Float equality is exact: the same score, bit for bit, for the same codes.
      assertThat(scores(view.searcher(), actual, mode))
          .as(as + " " + mode)
          .isEqualTo(scores(view.searcher(), expected, mode));
    }
    // A top-scores search skips blocks of codes by their best possible scores.
    assertThat(top(view.searcher(), actual)).as(as).isEqualTo(top(view.searcher(), expected));
    return scores(view.searcher(), actual, ScoreMode.COMPLETE);
  }

  @Test
  void scoresAsPhraseQueryInAViewOfOtherReleases() throws IOException {
    // States cached for one view, searched in another (a query kept across an index rebuild).
    Release newest = codeSets.activeReleases("icd10cm").get(0);
    CodeIndex.View one = index.view(Set.of(newest.id()));
    List<String> words = index.words("chronic kidney disease");
    Query actual = index.view(every()).phrase(2, CodeIndex.TITLE, words);
    Map<Integer, Float> expected =
        scores(
            one.searcher(),
            new PhraseQuery(2, CodeIndex.TITLE, words.toArray(String[]::new)),
            ScoreMode.COMPLETE);

    assertThat(expected).isNotEmpty();
    assertThat(scores(one.searcher(), actual, ScoreMode.COMPLETE)).isEqualTo(expected);
  }

  @Test
  void visitsTheSameTermsAndEqualsTheSamePhrase() {
    CodeIndex.View view = index.view(every());
    List<String> words = index.words("low back pain");
    Query phrase = view.phrase(2, CodeIndex.TITLE, words);

    assertThat(terms(phrase))
        .isEqualTo(terms(new PhraseQuery(2, CodeIndex.TITLE, words.toArray(String[]::new))));
    assertThat(phrase)
        .isEqualTo(view.phrase(2, CodeIndex.TITLE, words))
        .hasSameHashCodeAs(view.phrase(2, CodeIndex.TITLE, words))
        .isNotEqualTo(view.phrase(0, CodeIndex.TITLE, words))
        .isNotEqualTo(view.phrase(2, CodeIndex.TITLE, words.subList(1, words.size())));
  }

  // Every code the query matches, by index order, with its score.
  private static Map<Integer, Float> scores(IndexSearcher searcher, Query query, ScoreMode mode)
      throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), mode, 1f);
    Map<Integer, Float> scores = new LinkedHashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        scores.put(leaf.docBase + doc, scorer.score());
      }
    }
    return scores;
  }

  private static List<String> top(IndexSearcher searcher, Query query) throws IOException {
    List<String> top = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 20).scoreDocs) {
      top.add(hit.doc + " " + hit.score);
    }
    return top;
  }

  private static Set<Term> terms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    return terms;
  }
}
