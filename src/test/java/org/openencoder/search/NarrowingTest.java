package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Narrowing's one walk per reading against what it replaced, on the index of the real releases:
 * each tier a Boolean query of the reading's words (at least so many of them) and the whole
 * matches, each clause cut at {@link CodeIndex#LET_THROUGH} codes a release, tried in turn.
 */
class NarrowingTest extends RunningApplication {

  private static final int ENOUGH = 10;
  private static final int FEW = 5;

  @Autowired CodeIndex index;
  @Autowired CodeSets codeSets;

  private CodeIndex.View view() {
    Set<Long> newest =
        Stream.of(CodeSystem.values())
            .flatMap(s -> codeSets.newestWithCodes(s.dataset()).stream())
            .map(Release::id)
            .collect(Collectors.toSet());
    return index.view(newest);
  }

  private static List<Query> words(CodeIndex.View view, String text) {
    return Arrays.stream(text.split(" ")).map(w -> (Query) view.term(CodeIndex.WORD, w)).toList();
  }

  private record Case(List<List<Query>> readings, List<int[]> tiers, List<Query> whole) {}

  @Test
  void letsThroughWhatTheBooleanTiersDid() throws IOException, InterruptedException {
    assertThat(index.awaitHeld(5, TimeUnit.MINUTES)).isTrue();
    CodeIndex.View view = view();
    assertThat(view.held()).isTrue();
    Query billable = view.term(CodeIndex.BILLABLE, "true");
    List<Query> diabetes = words(view, "type 2 diabete with diabetic chronic kidney disease");
    List<Query> renal = words(view, "type 2 diabete with diabetic chronic renal disease");
    List<Query> fracture = words(view, "torus fracture lower end right radiu initial encounter");
    List<Query> backPain = words(view, "low back pain");
    List<Query> lumbago = words(view, "lumbago");
    List<Query> typing =
        List.of(
            view.term(CodeIndex.WORD, "blood"),
            new PrefixQuery(new Term(CodeIndex.WORD, "gluc")),
            view.term(CodeIndex.WORD, "zzqx"));
    List<Query> whole = List.of(view.term(CodeIndex.TERM_CORE, "low back pain"));
    List<Query> none = List.of();
    List<Case> cases =
        List.of(
            new Case(
                List.of(diabetes, renal),
                List.of(new int[] {8, 8}, new int[] {7, 7}, new int[] {6, 6}, new int[] {4, 4}),
                none),
            new Case(
                List.of(fracture),
                List.of(new int[] {8}, new int[] {7}, new int[] {6}, new int[] {4}),
                none),
            new Case(
                List.of(backPain, lumbago), List.of(new int[] {3, 1}, new int[] {2, 1}), whole),
            new Case(List.of(typing), List.of(new int[] {3}, new int[] {2}), none),
            // Two words of three: the strict tier lets through nothing, the looser one plenty.
            new Case(
                List.of(words(view, "pneumonia zzqx zzqy")),
                List.of(new int[] {3}, new int[] {2}, new int[] {1}),
                none),
            new Case(List.of(words(view, "pneumonia")), List.of(), none));
    for (Case c : cases) {
      List<Query> fallback = new ArrayList<>();
      c.readings().forEach(fallback::addAll);
      fallback.addAll(c.whole());
      for (Query filter : Arrays.asList(null, billable)) {
        Narrowing narrowing = new Narrowing(c.readings(), c.tiers(), c.whole(), fallback);
        int[] expected = byBooleanTiers(view.searcher(), c, fallback, filter);
        int[] actual = narrowing.candidates(view.searcher(), filter, ENOUGH, FEW);
        int[] held = narrowing.candidates(view.searcher(), filter, ENOUGH, FEW, view::postings);
        String what = c.readings() + " " + (filter == null ? "" : "billable");
        assertThat(expected).as(what).isNotNull();
        assertThat(expected.length).as(what).isGreaterThanOrEqualTo(FEW);
        assertThat(actual).as(what).containsExactly(expected);
        assertThat(held).as(what + ", the words' codes held").containsExactly(expected);
      }
    }
  }

  /** The Boolean tiers, tried in turn: the first that lets through enough codes answers. */
  private static int[] byBooleanTiers(
      IndexSearcher searcher, Case c, List<Query> fallback, @Nullable Query filter)
      throws IOException {
    int[] stricter = new int[0];
    for (int t = 0; t < c.tiers().size(); t++) {
      List<Query> clauses = new ArrayList<>();
      for (int r = 0; r < c.readings().size(); r++) {
        BooleanQuery.Builder most =
            new BooleanQuery.Builder().setMinimumNumberShouldMatch(c.tiers().get(t)[r]);
        c.readings().get(r).forEach(word -> most.add(word, Occur.SHOULD));
        clauses.add(most.build());
      }
      clauses.addAll(c.whole());
      int[] let = letThrough(searcher, clauses, filter);
      boolean last = t == c.tiers().size() - 1;
      if (let.length >= ENOUGH || (last && let.length >= FEW)) {
        return Narrowing.union(stricter, let);
      }
      stricter = let;
    }
    return Narrowing.union(stricter, letThrough(searcher, fallback, filter));
  }

  private static int[] letThrough(
      IndexSearcher searcher, List<Query> clauses, @Nullable Query filter) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (Query clause : clauses) {
      Query let =
          filter == null
              ? clause
              : new BooleanQuery.Builder()
                  .add(clause, Occur.FILTER)
                  .add(filter, Occur.FILTER)
                  .build();
      Weight weight =
          searcher.createWeight(searcher.rewrite(let), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(), n = 0;
            doc != DocIdSetIterator.NO_MORE_DOCS && n < CodeIndex.LET_THROUGH;
            doc = it.nextDoc(), n++) {
          docs.add(leaf.docBase + doc);
        }
      }
    }
    return docs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }
}
