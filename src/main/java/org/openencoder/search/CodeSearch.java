package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.search.SearchResults.SearchedRelease;
import org.springframework.stereotype.Service;

/**
 * Finds codes from a code ("e11.9", "E11.*", "0DTJ4ZZ"), keywords ("type 2 diabetes") or a typo
 * ("pnuemonia"), in the newest release with codes of each code system.
 */
@Service
public class CodeSearch {

  public static final int MAX_QUERY_LENGTH = 500;
  public static final int MAX_LIMIT = 100;

  // Letters and digits only, up to 7 of them, with at least one digit: codes and their prefixes.
  // A word like "HEAD" has the shape of an ICD-10-PCS code but is taken as a keyword.
  private static final Pattern CODE_LIKE = Pattern.compile("(?=.*[0-9])[A-Z0-9]{2,7}");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

  // Scores that put an exact code above every code under it, and both above title matches.
  private static final float EXACT_CODE = 1000f;
  private static final float CODE_PREFIX = 100f;
  // A billable code edges out a header with the same words.
  private static final float BILLABLE = 0.5f;
  // A query's words beyond this many are ignored, which keeps the query within Lucene's clauses.
  private static final int MAX_WORDS = 32;
  // A title that starts with the query's first word: its main term.
  private static final float MAIN_TERM = 2f;

  private final CodeIndex index;
  private final CodeSets codeSets;

  CodeSearch(CodeIndex index, CodeSets codeSets) {
    this.index = index;
    this.codeSets = codeSets;
  }

  /** Whether the active releases are loaded, so that a search can answer. */
  public boolean ready() {
    return index.ready();
  }

  /**
   * The codes that match a query, best first.
   *
   * @throws InvalidSearchException for an empty, punctuation-only or too long query, or a limit
   *     below 1
   */
  public SearchResults search(String query, SearchFilter filter, int limit) {
    return find(query, filter, limit, false);
  }

  /**
   * Completions for what a user is typing: as {@link #search}, but the last word may be the start
   * of a word ("pneum" finds pneumonia) unless the query ends with a space.
   */
  public SearchResults suggest(String query, SearchFilter filter, int limit) {
    return find(query, filter, limit, true);
  }

  private SearchResults find(String query, SearchFilter filter, int limit, boolean lastIsPrefix) {
    String text = validated(query, limit);
    Scope scope = scope(filter);
    String code = codePrefix(text);
    boolean prefix = lastIsPrefix && !Character.isWhitespace(query.charAt(query.length() - 1));
    Words words = correctedWords(text, prefix);
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    if (code != null) {
      matching.add(
          new BoostQuery(
              new ConstantScoreQuery(new TermQuery(new Term(CodeIndex.CODE, code))), EXACT_CODE),
          Occur.SHOULD);
      matching.add(
          new BoostQuery(
              new ConstantScoreQuery(new PrefixQuery(new Term(CodeIndex.CODE, code))), CODE_PREFIX),
          Occur.SHOULD);
    }
    if (!words.all().isEmpty()) {
      matching.add(titleQuery(words), Occur.SHOULD);
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matching.build(), Occur.MUST);
    filtered.add(
        new BoostQuery(
            new ConstantScoreQuery(new TermQuery(new Term(CodeIndex.BILLABLE, "true"))), BILLABLE),
        Occur.SHOULD);
    filtered.add(
        new TermInSetQuery(
            CodeIndex.RELEASE,
            scope.releases().keySet().stream().map(id -> new BytesRef(Long.toString(id))).toList()),
        Occur.FILTER);
    if (filter.billableOnly()) {
      filtered.add(new TermQuery(new Term(CodeIndex.BILLABLE, "true")), Occur.FILTER);
    }
    List<SearchHit> hits = new ArrayList<>();
    if (!scope.releases().isEmpty()) {
      for (CodeIndex.Found found : index.search(filtered.build(), Math.min(limit, MAX_LIMIT))) {
        hits.add(hit(found, scope.releases().get(found.release()), code, words));
      }
    }
    return new SearchResults(text, hits, scope.searched(), scope.notices());
  }

  private static String validated(String query, int limit) {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty()) {
      throw new InvalidSearchException("Enter a code or some words to search for.");
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new InvalidSearchException(
          "The query is " + text.length() + " characters; the most is " + MAX_QUERY_LENGTH + ".");
    }
    if (!HAS_LETTER_OR_DIGIT.matcher(text).find()) {
      throw new InvalidSearchException("The query has no letters or digits to search for.");
    }
    if (limit < 1) {
      throw new InvalidSearchException("The limit must be at least 1.");
    }
    return text;
  }

  /** The releases a search reads: one per code system, the newest or the one in force. */
  private record Scope(
      Map<Long, CodeCatalog> releases, List<SearchedRelease> searched, List<String> notices) {}

  private Scope scope(SearchFilter filter) {
    Map<Long, CodeCatalog> releases = new LinkedHashMap<>();
    List<SearchedRelease> searched = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    LocalDate date = filter.dateOfService();
    for (CodeSystem system : CodeSystem.values()) {
      if (filter.system() != null && filter.system() != system) {
        continue;
      }
      Optional<Release> release =
          date == null
              ? codeSets.newestWithCodes(system.dataset())
              : codeSets.inForce(system.dataset(), date);
      Optional<CodeCatalog> catalog =
          release.flatMap(r -> codeSets.catalog(r.id())).filter(c -> c.size() > 0);
      if (catalog.isEmpty()) {
        notices.add(
            release
                .map(
                    r ->
                        r.title()
                            + " is in force on "
                            + date
                            + " but lists no codes here: its code file is missing.")
                .orElse(
                    "No "
                        + system.displayName()
                        + " release"
                        + (date == null ? " is loaded." : " covers " + date + ".")));
        continue;
      }
      Release r = catalog.get().release();
      releases.put(r.id(), catalog.get());
      searched.add(
          new SearchedRelease(
              system.slug(), r.title(), r.version(), r.effectiveFrom(), r.effectiveTo()));
    }
    return new Scope(releases, searched, notices);
  }

  private SearchHit hit(CodeIndex.Found found, CodeCatalog catalog, String code, Words words) {
    Optional<CodeEntry> parent =
        found.parent() == null ? Optional.empty() : catalog.get(found.parent());
    return new SearchHit(
        found.system().slug(),
        found.display(),
        found.title(),
        found.billable(),
        found.score(),
        matchedOn(found, code, words),
        highlights(found.title(), words),
        parent.map(p -> found.system().display(p.code())).orElse(null),
        parent.map(CodeEntry::title).orElse(null),
        catalog.release().title());
  }

  /**
   * The normalized code or code prefix the query is, if it is one: "e11.9", "E119", "E11.*" and
   * "E11.-" all give E119 or E11.
   */
  static String codePrefix(String text) {
    String code = CodeSystem.normalize(text.replace("*", "").replace("-", ""));
    return CODE_LIKE.matcher(code).matches() ? code : null;
  }

  /**
   * Each word is wanted in the title or short title; a code with every word scores higher, one with
   * the words in order higher again, and one whose title starts with the first word (the main term,
   * as in "Pneumonia, unspecified organism") higher still. A word still being typed matches any
   * title word it begins.
   */
  private static Query titleQuery(Words words) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    List<String> list = words.all();
    for (int i = 0; i < list.size(); i++) {
      String word = list.get(i);
      boolean typing = words.lastIsPrefix() && i == list.size() - 1;
      Query either =
          new DisjunctionMaxQuery(
              List.of(
                  titleTerm(CodeIndex.TITLE, word, typing),
                  new BoostQuery(titleTerm(CodeIndex.SHORT_TITLE, word, typing), 0.5f)),
              0.1f);
      any.add(either, Occur.SHOULD);
      all.add(either, Occur.MUST);
    }
    BooleanQuery.Builder title = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    if (list.size() > 1) {
      title.add(new BoostQuery(all.build(), 2f), Occur.SHOULD);
      List<String> whole = words.lastIsPrefix() ? list.subList(0, list.size() - 1) : list;
      if (whole.size() > 1) {
        title.add(new PhraseQuery(2, CodeIndex.TITLE, whole.toArray(String[]::new)), Occur.SHOULD);
      }
    }
    Term lead = new Term(CodeIndex.LEAD, list.get(0));
    title.add(
        new BoostQuery(
            new ConstantScoreQuery(
                words.lastIsPrefix() && list.size() == 1
                    ? new PrefixQuery(lead)
                    : new TermQuery(lead)),
            MAIN_TERM),
        Occur.SHOULD);
    return title.build();
  }

  // A prefix scores as a constant, like a whole word that every title has once.
  private static Query titleTerm(String field, String word, boolean typing) {
    return typing
        ? new ConstantScoreQuery(new PrefixQuery(new Term(field, word)))
        : new TermQuery(new Term(field, word));
  }

  /**
   * The query's words as indexed, a word that no title has replaced by the nearest one that some
   * title has ("pnuemonia" by "pneumonia"). A last word still being typed is kept as typed.
   */
  private Words correctedWords(String text, boolean lastIsPrefix) {
    List<String> typed = words(text, MAX_WORDS);
    List<String> words = new ArrayList<>();
    Set<String> corrected = new LinkedHashSet<>();
    for (int i = 0; i < typed.size(); i++) {
      String word = typed.get(i);
      boolean typing = lastIsPrefix && i == typed.size() - 1;
      int edits = typing ? 0 : allowedEdits(word);
      Optional<String> correction = edits == 0 ? Optional.empty() : index.correction(word, edits);
      if (correction.isPresent()) {
        corrected.add(correction.get());
        words.add(correction.get());
      } else {
        words.add(word);
      }
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(words));
    return new Words(
        distinct, Set.copyOf(corrected), lastIsPrefix && distinct.size() == words.size());
  }

  /**
   * @param lastIsPrefix the last word is the start of a word still being typed
   */
  private record Words(List<String> all, Set<String> corrected, boolean lastIsPrefix) {

    boolean matches(String titleWord) {
      if (all.contains(titleWord)) {
        return true;
      }
      return lastIsPrefix && !all.isEmpty() && titleWord.startsWith(all.get(all.size() - 1));
    }
  }

  // Short words are left as typed: "type" is not a typo for "tape".
  private static int allowedEdits(String word) {
    if (word.length() < 5 || word.chars().anyMatch(Character::isDigit)) {
      return 0;
    }
    return word.length() < 8 ? 1 : 2;
  }

  private List<String> words(String text, int max) {
    Set<String> words = new LinkedHashSet<>();
    Analyzer analyzer = index.analyzer();
    try (TokenStream tokens = analyzer.tokenStream(CodeIndex.TITLE, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (words.size() < max) {
          words.add(term.toString());
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }

  /** The stretches of a title whose words, as analyzed, are among the query's. */
  private List<SearchHit.Span> highlights(String title, Words words) {
    if (title == null || title.isEmpty() || words.all().isEmpty()) {
      return List.of();
    }
    List<SearchHit.Span> spans = new ArrayList<>();
    try (TokenStream tokens = index.analyzer().tokenStream(CodeIndex.TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (words.matches(term.toString())) {
          spans.add(new SearchHit.Span(offset.startOffset(), offset.endOffset()));
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }

  private String matchedOn(CodeIndex.Found found, String code, Words words) {
    if (code != null && found.code().startsWith(code)) {
      return "code";
    }
    List<String> titleWords = words(found.title() + " " + found.shortTitle(), Integer.MAX_VALUE);
    return words.corrected().stream().anyMatch(titleWords::contains) ? "title (fuzzy)" : "title";
  }
}
