package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.openencoder.codeset.CodeSystem;
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

  CodeSearch(CodeIndex index) {
    this.index = index;
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
  public SearchResults search(
      String query, Optional<CodeSystem> system, boolean billableOnly, int limit) {
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
    String code = codePrefix(text);
    Words words = correctedWords(text);
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
      matching.add(titleQuery(words.all()), Occur.SHOULD);
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matching.build(), Occur.MUST);
    filtered.add(
        new BoostQuery(
            new ConstantScoreQuery(new TermQuery(new Term(CodeIndex.BILLABLE, "true"))), BILLABLE),
        Occur.SHOULD);
    system.ifPresent(
        s -> filtered.add(new TermQuery(new Term(CodeIndex.SYSTEM, s.slug())), Occur.FILTER));
    if (billableOnly) {
      filtered.add(new TermQuery(new Term(CodeIndex.BILLABLE, "true")), Occur.FILTER);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (CodeIndex.Found found : index.search(filtered.build(), Math.min(limit, MAX_LIMIT))) {
      hits.add(
          new SearchHit(
              found.system().slug(),
              found.display(),
              found.title(),
              found.billable(),
              found.score(),
              matchedOn(found, code, words)));
    }
    return new SearchResults(text, hits);
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
   * as in "Pneumonia, unspecified organism") higher still.
   */
  private static Query titleQuery(List<String> words) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : words) {
      Query either =
          new DisjunctionMaxQuery(
              List.of(
                  new TermQuery(new Term(CodeIndex.TITLE, word)),
                  new BoostQuery(new TermQuery(new Term(CodeIndex.SHORT_TITLE, word)), 0.5f)),
              0.1f);
      any.add(either, Occur.SHOULD);
      all.add(either, Occur.MUST);
    }
    BooleanQuery.Builder title = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    if (words.size() > 1) {
      title.add(new BoostQuery(all.build(), 2f), Occur.SHOULD);
      title.add(new PhraseQuery(2, CodeIndex.TITLE, words.toArray(String[]::new)), Occur.SHOULD);
    }
    title.add(
        new BoostQuery(
            new ConstantScoreQuery(new TermQuery(new Term(CodeIndex.LEAD, words.get(0)))),
            MAIN_TERM),
        Occur.SHOULD);
    return title.build();
  }

  /**
   * The query's words as indexed, a word that no title has replaced by the nearest one that some
   * title has ("pnuemonia" by "pneumonia").
   */
  private Words correctedWords(String text) {
    List<String> words = new ArrayList<>();
    Set<String> corrected = new LinkedHashSet<>();
    for (String word : words(text, MAX_WORDS)) {
      int edits = allowedEdits(word);
      Optional<String> correction = edits == 0 ? Optional.empty() : index.correction(word, edits);
      if (correction.isPresent()) {
        corrected.add(correction.get());
        words.add(correction.get());
      } else {
        words.add(word);
      }
    }
    return new Words(List.copyOf(new LinkedHashSet<>(words)), Set.copyOf(corrected));
  }

  private record Words(List<String> all, Set<String> corrected) {}

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

  private String matchedOn(CodeIndex.Found found, String code, Words words) {
    if (code != null && found.code().startsWith(code)) {
      return "code";
    }
    List<String> titleWords = words(found.title() + " " + found.shortTitle(), Integer.MAX_VALUE);
    return words.corrected().stream().anyMatch(titleWords::contains) ? "title (fuzzy)" : "title";
  }
}
