package org.openencoder.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSets;
import org.springframework.stereotype.Service;

/**
 * {@link CodeSearch} with the answers to recent searches kept in memory: the same words come back
 * all day (the header's box asks while a coder types, and coders look up the same common codes),
 * and an answer can only change when the active releases do. An answer is kept under the query as
 * searched (trimmed, as the search reads it), the filter, the limit, whether it is a suggestion,
 * and the generation of the active releases ({@link CodeSets#generation()}), so that a release
 * activated or retired is never answered from an older one. Bad input is not kept: it is refused
 * again each time, with the same message.
 *
 * <p>An answer can also be kept as its API's JSON ({@link #searchAs}): written once, the bytes are
 * sent as they are to everyone who asks the same question, which on the API's busiest path saves
 * the writing of 4 to 8 kB of JSON on every request.
 */
@Service
public class SearchCache {

  private final CodeSearch codeSearch;
  private final CodeSets codeSets;
  private final @Nullable Cache<Question, Answer> answers;
  private volatile long answeredGeneration = -1;

  SearchCache(CodeSearch codeSearch, CodeSets codeSets, SearchProperties properties) {
    this.codeSearch = codeSearch;
    this.codeSets = codeSets;
    SearchProperties.Cache settings = properties.cache();
    this.answers =
        settings.enabled() && settings.maxHits() > 0
            ? Caffeine.newBuilder()
                .maximumWeight(settings.maxHits())
                .<Question, Answer>weigher((question, answer) -> answer.weight())
                .build()
            : null;
  }

  /**
   * What a search depends on. A suggestion reads an unfinished last word unless the query ends with
   * a space, so for suggestions that space is part of the question.
   */
  private record Question(
      String query,
      boolean endsWithSpace,
      SearchFilter filter,
      int limit,
      boolean suggest,
      long generation) {}

  /**
   * A kept answer, and its rendered form once one was asked for. Both hold about as much as the
   * codes of the answer (half a kilobyte each), so an answer with its rendered form weighs twice.
   */
  private static final class Answer {

    final SearchResults results;
    final byte @Nullable [] rendered;

    Answer(SearchResults results, byte @Nullable [] rendered) {
      this.results = results;
      this.rendered = rendered;
    }

    int weight() {
      int codes = 1 + results.results().size();
      return rendered == null ? codes : 2 * codes;
    }
  }

  /** Whether the active releases are loaded, so that a search can answer. */
  public boolean ready() {
    return codeSearch.ready();
  }

  /** As {@link CodeSearch#search}, answered from memory when it was asked before. */
  public SearchResults search(String query, SearchFilter filter, int limit) {
    if (answers == null || query == null) {
      return codeSearch.search(query, filter, limit);
    }
    return answer(answers, searching(query, filter, limit, answers), null).results;
  }

  /**
   * As {@link #search}, in the form {@code render} gives an answer (the API's JSON), rendered once
   * per kept answer: the same bytes for every caller who asks the same question. A cache has one
   * such form, so every caller must pass the same rendering.
   */
  public byte[] searchAs(
      String query, SearchFilter filter, int limit, Function<SearchResults, byte[]> render) {
    if (answers == null || query == null) {
      return render.apply(codeSearch.search(query, filter, limit));
    }
    return rendered(answers, searching(query, filter, limit, answers), render);
  }

  /** As {@link CodeSearch#suggest}, answered from memory when it was asked before. */
  public SearchResults suggest(String query, SearchFilter filter, int limit) {
    if (answers == null || query == null || query.isEmpty()) {
      return codeSearch.suggest(query, filter, limit);
    }
    return answer(answers, suggesting(query, filter, limit, answers), null).results;
  }

  /** As {@link #suggest}, in the form {@code render} gives an answer; see {@link #searchAs}. */
  public byte[] suggestAs(
      String query, SearchFilter filter, int limit, Function<SearchResults, byte[]> render) {
    if (answers == null || query == null || query.isEmpty()) {
      return render.apply(codeSearch.suggest(query, filter, limit));
    }
    return rendered(answers, suggesting(query, filter, limit, answers), render);
  }

  private Asked searching(
      String query, SearchFilter filter, int limit, Cache<Question, Answer> answers) {
    return new Asked(
        new Question(query.strip(), false, filter, limit, false, generation(answers)),
        () -> codeSearch.search(query, filter, limit));
  }

  private Asked suggesting(
      String query, SearchFilter filter, int limit, Cache<Question, Answer> answers) {
    boolean endsWithSpace = Character.isWhitespace(query.charAt(query.length() - 1));
    return new Asked(
        new Question(query.strip(), endsWithSpace, filter, limit, true, generation(answers)),
        () -> codeSearch.suggest(query, filter, limit));
  }

  /** A question, and the search that answers it when memory cannot. */
  private record Asked(Question question, Supplier<SearchResults> search) {}

  // Not Cache.get(key, function): that holds a lock of the map while the search runs, and two
  // threads asking the same new question at once merely search twice.
  private static Answer answer(
      Cache<Question, Answer> answers,
      Asked asked,
      @Nullable Function<SearchResults, byte[]> render) {
    Answer known = answers.getIfPresent(asked.question());
    if (known != null) {
      return known;
    }
    SearchResults results = asked.search().get();
    Answer answer = new Answer(results, render == null ? null : render.apply(results));
    answers.put(asked.question(), answer);
    return answer;
  }

  private static byte[] rendered(
      Cache<Question, Answer> answers, Asked asked, Function<SearchResults, byte[]> render) {
    Answer answer = answer(answers, asked, render);
    byte[] rendered = answer.rendered;
    if (rendered != null) {
      return rendered;
    }
    // Kept by the search page, which needs no rendering: rendered now, and kept weighing more.
    rendered = render.apply(answer.results);
    answers.put(asked.question(), new Answer(answer.results, rendered));
    return rendered;
  }

  /**
   * The generation of the active releases; when it moves on, the answers of the older ones are
   * dropped at once rather than left to age out (no question can reach them any more).
   */
  private long generation(Cache<Question, Answer> answers) {
    long current = codeSets.generation();
    if (current != answeredGeneration) {
      answers.invalidateAll();
      answeredGeneration = current;
    }
    return current;
  }
}
