package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** WordsQuery against the two Boolean queries it replaced, on the index of the real releases. */
class WordsQueryTest extends RunningApplication {

  @Autowired CodeIndex index;

  private static Query word(String word) {
    return new DisjunctionMaxQuery(
        List.of(
            new TermQuery(new Term(CodeIndex.TITLE, word)),
            new BoostQuery(new TermQuery(new Term(CodeIndex.SHORT_TITLE, word)), 0.5f),
            new BoostQuery(new TermQuery(new Term(CodeIndex.TERMS, word)), 0.7f)),
        0.1f);
  }

  private Map<String, Float> scores(Query query) {
    return index.search(query, 60).stream()
        .collect(
            Collectors.toMap(
                f -> f.release() + " " + f.code(), CodeIndex.Found::score, (a, b) -> a));
  }

  @Test
  void scoresAsAnyCountedWordPlusEveryWordTwiceAgain() {
    for (String text :
        List.of(
            "type 2 diabetes with diabetic chronic kidney disease",
            "low back pain",
            "fracture of radius",
            "pneumonia")) {
      List<String> words = index.words(text);
      List<Query> each = words.stream().map(WordsQueryTest::word).toList();
      boolean[] counted = new boolean[words.size()];
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (int i = 0; i < words.size(); i++) {
        // "with" and "of" count only with the other words, as in CodeSearch.
        counted[i] = !List.of("with", "of").contains(words.get(i));
        if (counted[i]) {
          any.add(each.get(i), Occur.SHOULD);
        }
        all.add(each.get(i), Occur.MUST);
      }
      BooleanQuery.Builder booleans = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
      if (words.size() > 1) {
        booleans.add(new BoostQuery(all.build(), 2f), Occur.SHOULD);
      }
      Map<String, Float> expected = scores(booleans.build());
      Map<String, Float> actual = scores(new WordsQuery(each, counted, words.size() > 1 ? 2f : 0f));

      assertThat(actual).as(text).hasSizeGreaterThan(20);
      // The best scores are the same, each code's to float rounding; only codes tied at the
      // sixtieth place may differ between the two lists.
      float sixtieth = expected.values().stream().min(Float::compare).orElseThrow();
      expected.forEach(
          (code, score) -> {
            if (score > sixtieth * 1.001f) {
              assertThat(actual).as(text + ": " + code).containsKey(code);
              assertThat(actual.get(code)).as(text + ": " + code).isCloseTo(score, within(1e-3f));
            }
          });
    }
  }
}
