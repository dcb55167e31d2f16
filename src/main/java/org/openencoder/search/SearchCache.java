package org.openencoder.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 */
@Service
public class SearchCache {

  private final CodeSearch codeSearch;
  private final CodeSets codeSets;
  private final @Nullable Cache<Question, SearchResults> answers;
  private volatile long answeredGeneration = -1;

  SearchCache(CodeSearch codeSearch, CodeSets codeSets, SearchProperties properties) {
    this.codeSearch = codeSearch;
    this.codeSets = codeSets;
    SearchProperties.Cache settings = properties.cache();
    this.answers =
        settings.enabled() && settings.maxHits() > 0
            ? Caffeine.newBuilder()
                .maximumWeight(settings.maxHits())
                .<Question, SearchResults>weigher((question, answer) -> 1 + answer.results().size())
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

  /** Whether the active releases are loaded, so that a search can answer. */
  public boolean ready() {
    return codeSearch.ready();
  }

  /** As {@link CodeSearch#search}, answered from memory when it was asked before. */
  public SearchResults search(String query, SearchFilter filter, int limit) {
    if (answers == null || query == null) {
      return codeSearch.search(query, filter, limit);
    }
    return answer(
        answers,
        new Question(query.strip(), false, filter, limit, false, generation(answers)),
        () -> codeSearch.search(query, filter, limit));
  }

  /** As {@link CodeSearch#suggest}, answered from memory when it was asked before. */
  public SearchResults suggest(String query, SearchFilter filter, int limit) {
    if (answers == null || query == null || query.isEmpty()) {
      return codeSearch.suggest(query, filter, limit);
    }
    boolean endsWithSpace = Character.isWhitespace(query.charAt(query.length() - 1));
    return answer(
        answers,
        new Question(query.strip(), endsWithSpace, filter, limit, true, generation(answers)),
        () -> codeSearch.suggest(query, filter, limit));
  }

  // Not Cache.get(key, function): that holds a lock of the map while the search runs, and two
  // threads asking the same new question at once merely search twice.
  private static SearchResults answer(
      Cache<Question, SearchResults> answers, Question question, Supplier<SearchResults> search) {
    SearchResults known = answers.getIfPresent(question);
    if (known != null) {
      return known;
    }
    SearchResults answer = search.get();
    answers.put(question, answer);
    return answer;
  }

  /**
   * The generation of the active releases; when it moves on, the answers of the older ones are
   * dropped at once rather than left to age out (no question can reach them any more).
   */
  private long generation(Cache<Question, SearchResults> answers) {
    long current = codeSets.generation();
    if (current != answeredGeneration) {
      answers.invalidateAll();
      answeredGeneration = current;
    }
    return current;
  }
}
