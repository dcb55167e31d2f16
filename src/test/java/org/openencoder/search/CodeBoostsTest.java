package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A code's boosts (billable, defaults) added to the codes a narrowing lets through score them as
 * the Boolean clauses do in a search of the whole index, on the index of the real releases.
 */
class CodeBoostsTest extends RunningApplication {

  private static final CodeIndex.CodeBoosts BOOSTS = new CodeIndex.CodeBoosts(5f, 0.6f, 3);

  @Autowired CodeIndex index;
  @Autowired CodeSets codeSets;

  @Test
  void addedAsTheBooleanClausesAdd() {
    Set<Long> newest =
        Stream.of(CodeSystem.values())
            .flatMap(s -> codeSets.newestWithCodes(s.dataset()).stream())
            .map(Release::id)
            .collect(Collectors.toSet());
    CodeIndex.View view = index.view(newest);
    for (String text : List.of("chronic kidney disease", "pneumonia", "fracture of radius")) {
      List<Query> words =
          index.words(text).stream().map(w -> (Query) view.term(CodeIndex.TITLE, w)).toList();
      Query query = new WordsQuery(words, trues(words.size()), 2f);
      // The whole index, the boosts as clauses.
      Map<String, Float> clauses =
          scores(
              view.search(
                  query, BOOSTS, null, Narrowing.NONE, 100, 100, 100, CodeIndex.Wanted.NOTHING));
      // The codes with any one of the words, the boosts added.
      Map<String, Float> added =
          scores(
              view.search(
                  query,
                  BOOSTS,
                  null,
                  new Narrowing(List.of(), List.of(), List.of(), words),
                  100,
                  10,
                  5,
                  CodeIndex.Wanted.NOTHING));

      assertThat(added.keySet()).as(text).containsAnyElementsOf(clauses.keySet());
      long both = clauses.keySet().stream().filter(added::containsKey).count();
      assertThat(both).as(text).isGreaterThan(10);
      clauses.forEach(
          (code, score) -> {
            if (added.containsKey(code)) {
              assertThat(added.get(code)).as(text + ": " + code).isEqualTo(score);
            }
          });
      // Billable codes and defaults were among them, so that the boosts were added.
      assertThat(
              view
                  .search(
                      query,
                      CodeIndex.CodeBoosts.NONE,
                      null,
                      Narrowing.NONE,
                      100,
                      100,
                      100,
                      CodeIndex.Wanted.NOTHING)
                  .stream()
                  .filter(f -> added.containsKey(f.release() + " " + f.code()))
                  .anyMatch(f -> f.score() != added.get(f.release() + " " + f.code())))
          .as(text)
          .isTrue();
    }
  }

  private static boolean[] trues(int n) {
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    return all;
  }

  private static Map<String, Float> scores(List<CodeIndex.Found> found) {
    return found.stream()
        .collect(
            Collectors.toMap(
                f -> f.release() + " " + f.code(), CodeIndex.Found::score, (a, b) -> a));
  }
}
