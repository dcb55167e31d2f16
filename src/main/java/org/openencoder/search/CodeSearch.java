package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.jspecify.annotations.Nullable;
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
  private static final float BILLABLE = 5f;
  // The query is a code's whole title, word for word.
  private static final float WHOLE_TITLE = 50f;
  // The query is an index or inclusion term, word for word: worth a few matching words.
  private static final float WHOLE_TERM = 15f;
  // A query's words beyond this many are ignored, which keeps the query within Lucene's clauses.
  private static final int MAX_WORDS = 32;
  // A title that starts with the query's first word: its main term.
  private static final float MAIN_TERM = 2f;
  // A code with every word of a reading scores its words this many times again.
  private static final float EVERY_WORD = 2f;
  // An index term or inclusion term counts for a little less than the title's own words.
  private static final float INDEX_TERM = 0.7f;
  // A synonym's official words, found in a title, count a little more than the words as typed,
  // which such a title lacks ("heart attack" is in no title; "myocardial infarction" is).
  private static final float SYNONYM = 2f;
  private static final int MAX_SYNONYM_READINGS = 4;
  private static final int MAX_CORRECTIONS = 3;
  private static final int MIN_PREFIX = 3;
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "of", "and", "or", "the", "to", "in", "on", "by", "for", "a", "an", "via", "at", "as",
          "from", "into", "than", "is", "be");
  // How many of the best matches are reordered by the words they add.
  private static final int RERANKED = 100;
  // A narrowing that lets through this many codes answers the search (see narrowings); so does
  // the loosest one that lets through a few, as the codes with half the words or fewer would only
  // rank below them.
  private static final int ENOUGH = 10;
  private static final int FEW = 5;
  // Clauses of a search besides its readings' word queries: code, whole title, boosts, filters.
  private static final int CLAUSES_AROUND_READINGS = 32;
  // Words a narrowing lets a code miss, in turn; HALF: half of a reading's words.
  private static final int[] MISSING = {0, 1, 2};
  private static final int HALF = -1;
  private static final float RERANK_SCALE = 10f;
  private static final float EXTRA_WORD = 0.5f;
  private static final float DEFAULT_WORD = 0.5f;
  private static final float TERM_IS_QUERY = 3f;
  private static final float HEADER = 2.5f;
  private static final float WEAK = 0.3f;
  private static final int MAX_EXTRA_WORDS = 10;
  // Per level of default words in a title ("unspecified", "without …"): a coder's fallback when
  // the words say no more, worth less than one more matching word.
  private static final float DEFAULT = 0.6f;

  private final CodeIndex index;
  private final CodeSets codeSets;
  private final Synonyms synonyms;

  CodeSearch(CodeIndex index, CodeSets codeSets) {
    this.index = index;
    this.codeSets = codeSets;
    this.synonyms = Synonyms.load(text -> tokens(text, Integer.MAX_VALUE));
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
    Planned planned = planned(query, text, scope, filter, lastIsPrefix);
    String code = planned.code();
    List<Words> readings = planned.readings();
    CodeIndex.View view = planned.view();
    List<SearchHit> hits = new ArrayList<>();
    if (!scope.releases().isEmpty()) {
      int shown = Math.min(limit, MAX_LIMIT);
      List<CodeIndex.Found> found =
          view.search(
              planned.query(),
              new CodeIndex.CodeBoosts(BILLABLE, DEFAULT, 3),
              planned.within(),
              planned.narrowing(),
              Math.max(shown, RERANKED),
              ENOUGH,
              FEW,
              wanted(readings));
      if (code != null) {
        found = typedFirst(found, text);
      }
      // A code-shaped word that is no code ("T2DM", "CKD3") is read as words, and ranked so.
      String matchedCode =
          code != null && !found.isEmpty() && found.get(0).code().startsWith(code) ? code : null;
      List<CodeIndex.Found> top =
          reranked(found, matchedCode, readings).subList(0, Math.min(shown, found.size()));
      List<CodeIndex.HitWords> hitWords = view.hitWords(top);
      HighlightedWords highlighted = HighlightedWords.of(readings);
      for (int i = 0; i < top.size(); i++) {
        CodeIndex.Found f = top.get(i);
        hits.add(
            hit(
                f,
                hitWords.get(i),
                scope.releases().get(f.release()),
                code,
                readings,
                highlighted));
      }
    }
    return new SearchResults(text, hits, scope.searched(), scope.notices());
  }

  /**
   * A search as the index runs it: the query scoring the codes, the billable filter, and the
   * narrowing, in the view of the releases searched.
   */
  private record Planned(
      @Nullable String code,
      List<Words> readings,
      CodeIndex.View view,
      Query query,
      @Nullable Query within,
      Narrowing narrowing) {}

  /** What the index is asked for a query: seen by the tests of the index's scoring. */
  record Plan(CodeIndex.View view, Query query, @Nullable Query within, Narrowing narrowing) {}

  Plan plan(String query, SearchFilter filter, boolean lastIsPrefix) {
    String text = validated(query, 1);
    Planned planned = planned(query, text, scope(filter), filter, lastIsPrefix);
    return new Plan(planned.view(), planned.query(), planned.within(), planned.narrowing());
  }

  private Planned planned(
      String query, String text, Scope scope, SearchFilter filter, boolean lastIsPrefix) {
    String code = codePrefix(text);
    boolean prefix = lastIsPrefix && !Character.isWhitespace(query.charAt(query.length() - 1));
    List<String> tokens = tokens(text, MAX_WORDS);
    List<Synonyms.Match> synonymMatches = synonyms.find(tokens);
    Words words = correctedWords(tokens, prefix, synonymMatches);
    Map<Words, Query> titles = new IdentityHashMap<>();
    CodeIndex.View view = index.view(scope.releases().keySet());
    List<Words> readings = withinClauseLimit(readings(words, synonymMatches), titles, view);
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    // What a code may match besides the words: its code, its whole title, a whole term.
    List<Query> whole = new ArrayList<>();
    if (code != null) {
      whole.add(
          new BoostQuery(new ConstantScoreQuery(view.term(CodeIndex.CODE, code)), EXACT_CODE));
      whole.add(
          new BoostQuery(new ConstantScoreQuery(view.prefix(CodeIndex.CODE, code)), CODE_PREFIX));
    }
    index
        .wholeTitle(text)
        .ifPresent(
            title ->
                whole.add(
                    new BoostQuery(
                        new ConstantScoreQuery(view.term(CodeIndex.WHOLE_TITLE, title)),
                        WHOLE_TITLE)));
    for (Words reading : readings) {
      if (!reading.all().isEmpty()) {
        // The reading is an index or inclusion term, less its nonessential modifiers: the code
        // the books give for those words ("hypertension" is I10's inclusion term).
        whole.add(
            new BoostQuery(
                new ConstantScoreQuery(
                    view.term(CodeIndex.TERM_CORE, String.join(" ", reading.sequence()))),
                WHOLE_TERM));
      }
    }
    whole.forEach(q -> matching.add(q, Occur.SHOULD));
    for (Words reading : readings) {
      if (!reading.all().isEmpty()) {
        Query title = titles.get(reading);
        matching.add(
            reading.synonym() == null ? title : new BoostQuery(title, SYNONYM), Occur.SHOULD);
      }
    }
    // Billable codes only, kept apart from the scoring query: the index applies it to the codes a
    // narrowing lets through before any is scored. The view holds the releases searched only.
    Query within = filter.billableOnly() ? view.term(CodeIndex.BILLABLE, "true") : null;
    return new Planned(
        code, readings, view, matching.build(), within, narrowing(readings, whole, view));
  }

  /**
   * Among codes that score the same, first the one printed as typed: "G0439" is HCPCS G0439 before
   * ICD-10-CM G04.39, "J1100" HCPCS J1100 before J11.00. Else the order stays.
   */
  private static List<CodeIndex.Found> typedFirst(List<CodeIndex.Found> found, String text) {
    Integer[] order = new Integer[found.size()];
    boolean[] asTyped = new boolean[found.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      asTyped[i] = found.get(i).display().equalsIgnoreCase(text);
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -found.get(i).score())
            .thenComparing(i -> !asTyped[i]));
    List<CodeIndex.Found> ordered = new ArrayList<>(found.size());
    for (int i : order) {
      ordered.add(found.get(i));
    }
    return ordered;
  }

  /**
   * The best matches again, on a scale where the best scores 10, as a coder would order codes that
   * hold the query's words: the one that adds least ("conjunctivitis" finds "Unspecified
   * conjunctivitis" before "Unspecified acute conjunctivitis, unspecified eye"), the default one
   * ("unspecified", "without"), a code whose index or inclusion term is the query word for word,
   * and a billable code before its header. Words that are defaults or small are not counted as
   * added. A code-shaped query keeps the index's order.
   */
  private List<CodeIndex.Found> reranked(
      List<CodeIndex.Found> found, String code, List<Words> readings) {
    if (code != null || found.isEmpty() || readings.get(0).all().isEmpty()) {
      return found;
    }
    float top = found.stream().map(CodeIndex.Found::score).max(Float::compare).orElse(1f);
    float[] scores = new float[found.size()];
    Integer[] order = new Integer[found.size()];
    for (int i = 0; i < found.size(); i++) {
      CodeIndex.Found f = found.get(i);
      float score = RERANK_SCALE * f.score() / top;
      score -= EXTRA_WORD * Math.min(f.extraWords(), MAX_EXTRA_WORDS);
      score += DEFAULT_WORD * Math.min(f.defaults(), 3);
      if (f.termIsQuery()) {
        score += TERM_IS_QUERY;
      }
      if (!f.billable()) {
        // Words that match a header match its codes too; the category is shown on each hit.
        score -= HEADER;
      }
      scores[i] = score;
      order[i] = i;
    }
    // Stable: equal scores keep the index's order (shorter code, then code order).
    Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    List<CodeIndex.Found> ordered = new ArrayList<>(found.size());
    for (int i : order) {
      ordered.add(found.get(i));
    }
    return ordered;
  }

  /**
   * The readings whose queries fit in Lucene's clause limit together, the query's own first: a long
   * query of many synonyms and typos would otherwise fail the search as a whole. Room is left for
   * the code, whole-title, whole-term and boost clauses around them. The word query of each reading
   * kept goes into {@code titles}, built once.
   */
  private List<Words> withinClauseLimit(
      List<Words> readings, Map<Words, Query> titles, CodeIndex.View view) {
    int room = IndexSearcher.getMaxClauseCount() - CLAUSES_AROUND_READINGS;
    List<Words> kept = new ArrayList<>(readings.size());
    for (Words reading : readings) {
      Query title = reading.all().isEmpty() ? null : titleQuery(reading, view);
      int cost = title == null ? 0 : clauses(title) + 1;
      if (kept.isEmpty() || cost <= room) {
        kept.add(reading);
        room -= cost;
        if (title != null) {
          titles.put(reading, title);
        }
      }
    }
    return kept;
  }

  // Counted as IndexSearcher counts them when it checks the limit: every clause and every term.
  private static int clauses(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query leaf) {
            count[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            count[0]++;
            return this;
          }
        });
    return count[0];
  }

  /** What the reranking needs to know of the query, for the index to read off each hit. */
  private static CodeIndex.Wanted wanted(List<Words> readings) {
    if (readings.get(0).all().isEmpty()) {
      return CodeIndex.Wanted.NOTHING;
    }
    Set<String> words = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    Set<String> whole = new HashSet<>();
    for (Words reading : readings) {
      words.addAll(reading.all());
      words.addAll(reading.corrected());
      reading.alternatives().values().forEach(words::addAll);
      if (reading.lastIsPrefix()) {
        prefixes.add(reading.all().get(reading.all().size() - 1));
      }
      whole.add(String.join(" ", reading.sequence()));
    }
    return new CodeIndex.Wanted(words, prefixes, CodeIndex.NOT_EXTRA, whole);
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

  private SearchHit hit(
      CodeIndex.Found found,
      CodeIndex.HitWords words,
      CodeCatalog catalog,
      String code,
      List<Words> readings,
      HighlightedWords highlighted) {
    Optional<CodeEntry> parent =
        found.parent() == null ? Optional.empty() : catalog.get(found.parent());
    return new SearchHit(
        found.system().slug(),
        found.display(),
        found.title(),
        found.billable(),
        found.score(),
        matchedOn(found, words, code, readings),
        highlights(words, highlighted),
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
   * The codes a search looks at first, strictest first: those with every counted word of some
   * reading (the word or one of its corrections, in the title, short title or terms) or one of the
   * whole matches, then those missing one word, then two, then half of them. Fewer than {@link
   * #ENOUGH} codes let through by one tier, and the next is tried; past the last, the fallback (any
   * one of the words), only when the last let through fewer than {@link #FEW}. Each word's posting
   * list is leapfrogged, not scored, which is what makes a long query of common words ("with",
   * "left", "fracture") cheap; and each reading lets through at most a few dozen codes of each
   * release, the first by static rank (see {@link Narrowing}), which is what makes a common word
   * alone cheap.
   */
  private Narrowing narrowing(List<Words> readings, List<Query> whole, CodeIndex.View view) {
    List<List<Query>> words =
        readings.stream().map(r -> countedWords(r, view)).filter(w -> !w.isEmpty()).toList();
    List<int[]> tiers = new ArrayList<>();
    int[] previous = new int[words.size()];
    int[] steps = Arrays.copyOf(MISSING, MISSING.length + 1);
    steps[MISSING.length] = HALF;
    for (int missing : steps) {
      int[] tier = new int[words.size()];
      boolean looser = tiers.isEmpty();
      boolean narrower = false;
      for (int r = 0; r < words.size(); r++) {
        int size = words.get(r).size();
        int wanted = Math.max(1, missing == HALF ? (size + 1) / 2 : size - missing);
        looser |= wanted < previous[r];
        narrower |= wanted > 1;
        previous[r] = wanted;
        tier[r] = wanted;
      }
      if (!narrower) {
        break;
      }
      if (looser) {
        tiers.add(tier);
      }
    }
    // Each word on its own, so that a rare word's few codes ("morbid") are not cut off by a
    // common word's many ("obesity").
    Set<Query> fallback = new LinkedHashSet<>();
    words.forEach(fallback::addAll);
    if (!fallback.isEmpty()) {
      fallback.addAll(whole);
    }
    return new Narrowing(words, tiers, whole, List.copyOf(fallback));
  }

  /**
   * The words of a reading that a code must have one of, each in the one field of every word a code
   * is sought by (title, short title, terms).
   */
  private List<Query> countedWords(Words words, CodeIndex.View view) {
    List<Query> counted = new ArrayList<>();
    List<String> list = words.all();
    for (int i = 0; i < list.size(); i++) {
      if (counts(words, i)) {
        boolean typing = words.lastIsPrefix() && i == list.size() - 1;
        List<String> variants = words.variants(list.get(i));
        if (variants.size() == 1) {
          counted.add(titleTerm(view, CodeIndex.WORD, variants.get(0), typing));
        } else {
          BooleanQuery.Builder any = new BooleanQuery.Builder();
          variants.forEach(v -> any.add(titleTerm(view, CodeIndex.WORD, v, typing), Occur.SHOULD));
          counted.add(any.build());
        }
      }
    }
    return counted;
  }

  /**
   * Whether a code may match a reading by word {@code i} alone. "of", "and", "via" are in most
   * titles: they count only with the other words (all of them, or as a phrase), never alone, so a
   * search need not score every code that has them. Nor does a letter or two being typed ("low back
   * p"), which would expand to thousands of words.
   */
  private static boolean counts(Words words, int i) {
    List<String> list = words.all();
    String word = list.get(i);
    boolean typing = words.lastIsPrefix() && i == list.size() - 1;
    if (typing && word.length() < MIN_PREFIX && list.size() > 1) {
      return false;
    }
    return !FUNCTION_WORDS.contains(word) || list.stream().allMatch(FUNCTION_WORDS::contains);
  }

  /**
   * Each word is wanted in the title or short title; a code with every word scores higher, one with
   * the words in order higher again, and one whose title starts with the first word (the main term,
   * as in "Pneumonia, unspecified organism") higher still. A word still being typed matches any
   * title word it begins.
   */
  private Query titleQuery(Words words, CodeIndex.View view) {
    List<Query> each = new ArrayList<>();
    List<Boolean> counted = new ArrayList<>();
    List<String> list = words.all();
    for (int i = 0; i < list.size(); i++) {
      String word = list.get(i);
      boolean typing = words.lastIsPrefix() && i == list.size() - 1;
      if (typing && word.length() < MIN_PREFIX && list.size() > 1) {
        continue; // see counts
      }
      List<Query> fields = new ArrayList<>();
      for (String variant : words.variants(word)) {
        fields.add(titleTerm(view, CodeIndex.TITLE, variant, typing));
        fields.add(new BoostQuery(titleTerm(view, CodeIndex.SHORT_TITLE, variant, typing), 0.5f));
        fields.add(new BoostQuery(titleTerm(view, CodeIndex.TERMS, variant, typing), INDEX_TERM));
      }
      Query either = new DisjunctionMaxQuery(fields, 0.1f);
      if (words.weak().contains(word)) {
        // A word a synonym stands for ("eye" of "pink eye"): the synonym's reading carries it.
        either = new BoostQuery(either, WEAK);
      }
      each.add(either);
      counted.add(counts(words, i));
    }
    boolean[] alone = new boolean[counted.size()];
    for (int i = 0; i < alone.length; i++) {
      alone[i] = counted.get(i);
    }
    // Any counted word, and the words' scores twice again for a code with every word.
    BooleanQuery.Builder title =
        new BooleanQuery.Builder()
            .add(new WordsQuery(each, alone, list.size() > 1 ? EVERY_WORD : 0f), Occur.MUST);
    if (list.size() > 1) {
      List<String> whole = words.lastIsPrefix() ? list.subList(0, list.size() - 1) : list;
      if (whole.size() > 1) {
        title.add(view.phrase(2, CodeIndex.TITLE, whole), Occur.SHOULD);
      }
    }
    title.add(
        new BoostQuery(
            new ConstantScoreQuery(
                words.lastIsPrefix() && list.size() == 1
                    ? view.prefix(CodeIndex.LEAD, list.get(0))
                    : view.term(CodeIndex.LEAD, list.get(0))),
            MAIN_TERM),
        Occur.SHOULD);
    return title.build();
  }

  // A prefix scores as a constant, like a whole word that every title has once.
  private static Query titleTerm(CodeIndex.View view, String field, String word, boolean typing) {
    return typing ? new ConstantScoreQuery(view.prefix(field, word)) : view.term(field, word);
  }

  /**
   * The query's words as indexed, a word that no title has replaced by the nearest one that some
   * title has ("pnuemonia" by "pneumonia"). A last word still being typed is kept as typed, and so
   * are the words of a synonym the query contains ("nstemi" is no typo).
   */
  private Words correctedWords(
      List<String> tokens, boolean lastIsPrefix, List<Synonyms.Match> synonymMatches) {
    List<String> sequence = new ArrayList<>(tokens.size());
    Set<String> corrected = new LinkedHashSet<>();
    Map<String, List<String>> alternatives = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i);
      boolean typing = lastIsPrefix && i == tokens.size() - 1;
      int position = i;
      boolean synonym =
          synonymMatches.stream().anyMatch(m -> m.start() <= position && position < m.end());
      int edits = typing || synonym ? 0 : allowedEdits(word);
      List<String> corrections =
          edits == 0 ? List.of() : index.corrections(word, edits, MAX_CORRECTIONS);
      if (corrections.isEmpty()) {
        sequence.add(word);
      } else {
        corrections.stream().filter(c -> !c.equals(word)).forEach(corrected::add);
        sequence.add(corrections.get(0));
        alternatives.put(corrections.get(0), corrections.subList(1, corrections.size()));
      }
    }
    return Words.of(sequence, corrected, alternatives, lastIsPrefix, null);
  }

  /**
   * The ways to read a query: as typed, and with each synonym it contains replaced by its official
   * words ("heart attack" read as "myocardial infarction"). At most a few, to bound the query.
   */
  private static List<Words> readings(Words words, List<Synonyms.Match> synonymMatches) {
    List<Words> readings = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (Synonyms.Match match : synonymMatches) {
      covered.addAll(words.sequence().subList(match.start(), match.end()));
    }
    readings.add(words.withWeak(Set.copyOf(covered)));
    for (Synonyms.Match match : synonymMatches) {
      if (readings.size() > MAX_SYNONYM_READINGS) {
        break;
      }
      List<String> sequence = new ArrayList<>(words.sequence().subList(0, match.start()));
      sequence.addAll(match.synonym().meaning());
      sequence.addAll(words.sequence().subList(match.end(), words.sequence().size()));
      boolean typing = words.lastIsPrefix() && match.end() < words.sequence().size();
      readings.add(
          Words.of(sequence, words.corrected(), words.alternatives(), typing, match.synonym()));
    }
    // Two or more synonyms in one query are also read all at once: "broken collarbone" is
    // "fracture clavicle", which neither "fracture collarbone" nor "broken clavicle" finds.
    List<Synonyms.Match> firsts = new ArrayList<>();
    for (Synonyms.Match match : synonymMatches) {
      if (firsts.isEmpty() || firsts.get(firsts.size() - 1).start() != match.start()) {
        firsts.add(match);
      }
    }
    if (firsts.size() > 1) {
      List<String> sequence = new ArrayList<>();
      int next = 0;
      for (Synonyms.Match match : firsts) {
        sequence.addAll(words.sequence().subList(next, match.start()));
        sequence.addAll(match.synonym().meaning());
        next = match.end();
      }
      sequence.addAll(words.sequence().subList(next, words.sequence().size()));
      boolean typing = words.lastIsPrefix() && next < words.sequence().size();
      readings.add(
          Words.of(
              sequence, words.corrected(), words.alternatives(), typing, firsts.get(0).synonym()));
    }
    return readings;
  }

  /**
   * One reading of a query.
   *
   * @param sequence the words in query order
   * @param all the same words once each, as the query asks for them
   * @param alternatives other corrections of a corrected word, equally near to what was typed
   * @param lastIsPrefix the last word is the start of a word still being typed
   * @param synonym the synonym this reading replaced, or null for the query as typed
   */
  private record Words(
      List<String> sequence,
      List<String> all,
      Set<String> corrected,
      Map<String, List<String>> alternatives,
      boolean lastIsPrefix,
      Synonyms.@Nullable Synonym synonym,
      Set<String> weak) {

    Words withWeak(Set<String> weakWords) {
      return new Words(sequence, all, corrected, alternatives, lastIsPrefix, synonym, weakWords);
    }

    static Words of(
        List<String> sequence,
        Set<String> corrected,
        Map<String, List<String>> alternatives,
        boolean lastIsPrefix,
        Synonyms.@Nullable Synonym synonym) {
      List<String> all = List.copyOf(new LinkedHashSet<>(sequence));
      // A repeated last word is not being typed any more: it is already whole earlier on.
      boolean typing = lastIsPrefix && all.size() == sequence.size();
      return new Words(
          List.copyOf(sequence),
          all,
          Set.copyOf(corrected),
          Map.copyOf(alternatives),
          typing,
          synonym,
          Set.of());
    }

    /** The word and its equally near alternatives. */
    List<String> variants(String word) {
      List<String> others = alternatives.getOrDefault(word, List.of());
      if (others.isEmpty()) {
        return List.of(word);
      }
      List<String> variants = new ArrayList<>(others.size() + 1);
      variants.add(word);
      variants.addAll(others);
      return variants;
    }

    /**
     * How many of this reading's words one text's words contain; the word being typed counts if a
     * text word begins with it.
     */
    int found(Collection<String> textWords) {
      int found = 0;
      for (int i = 0; i < all.size(); i++) {
        String word = all.get(i);
        boolean typing = lastIsPrefix && i == all.size() - 1;
        if (typing ? anyStartsWith(textWords, word) : textWords.contains(word)) {
          found++;
        }
      }
      return found;
    }

    /** Whether a text's words hold one of the corrections of this reading's words. */
    boolean foundCorrected(Collection<String> textWords) {
      for (String word : corrected) {
        if (textWords.contains(word)) {
          return true;
        }
      }
      return false;
    }

    private static boolean anyStartsWith(Collection<String> textWords, String start) {
      for (String word : textWords) {
        if (word.startsWith(start)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The title words a search highlights, worked out once for its hits: a word of any reading as
   * asked for or corrected, or a word that begins with the word a reading is still typing.
   */
  private record HighlightedWords(Set<String> words, List<String> typing) {

    static HighlightedWords of(List<Words> readings) {
      Set<String> words = new HashSet<>();
      List<String> typing = new ArrayList<>();
      for (Words reading : readings) {
        words.addAll(reading.all());
        words.addAll(reading.corrected());
        if (reading.lastIsPrefix() && !reading.all().isEmpty()) {
          typing.add(reading.all().get(reading.all().size() - 1));
        }
      }
      return new HighlightedWords(words, typing);
    }

    boolean matches(String titleWord) {
      if (words.contains(titleWord)) {
        return true;
      }
      for (String start : typing) {
        if (titleWord.startsWith(start)) {
          return true;
        }
      }
      return false;
    }
  }

  // Short words are left as typed: "typ" is not a typo for "tap". The words are plural-stemmed
  // ("sepsis" is "sepsi", "sepis" is "sepi"), so the lengths count one letter less than typed.
  private static int allowedEdits(String word) {
    if (word.length() < 4 || word.chars().anyMatch(Character::isDigit)) {
      return 0;
    }
    return word.length() < 7 ? 1 : 2;
  }

  /** A text's words as indexed, in order, repeats kept. */
  private List<String> tokens(String text, int max) {
    List<String> words = new ArrayList<>();
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
    return words;
  }

  /** The stretches of a title whose words, as analyzed, are among the query's. */
  private static List<SearchHit.Span> highlights(
      CodeIndex.HitWords words, HighlightedWords highlighted) {
    List<SearchHit.Span> spans = new ArrayList<>();
    for (CodeIndex.HitWords.TitleWord word : words.title()) {
      if (highlighted.matches(word.word())) {
        spans.add(new SearchHit.Span(word.start(), word.end()));
      }
    }
    return spans;
  }

  /**
   * Why a code came up: its code; its title, holding every word of the query as typed (or
   * corrected) or of a synonym reading; else the index term or inclusion term holding most of the
   * words; else the title, for part of the words.
   */
  private static String matchedOn(
      CodeIndex.Found found, CodeIndex.HitWords words, String code, List<Words> readings) {
    if (code != null && found.code().startsWith(code)) {
      return "code";
    }
    List<String> titleWords = words.words();
    // How many of each reading's words the title holds, counted once for the comparisons below.
    int[] inTitle = new int[readings.size()];
    for (int r = 0; r < readings.size(); r++) {
      Words reading = readings.get(r);
      inTitle[r] = reading.found(titleWords);
      if (!reading.all().isEmpty() && inTitle[r] == reading.all().size()) {
        if (reading.synonym() != null) {
          return reading.synonym().describe();
        }
        return reading.foundCorrected(titleWords) ? "title (fuzzy)" : "title";
      }
    }
    Vocabulary.Term bestTerm = null;
    int bestFound = 0;
    for (CodeIndex.HitWords.TermWords term : words.terms()) {
      List<String> termWords = term.words();
      for (int r = 0; r < readings.size(); r++) {
        int termFound = readings.get(r).found(termWords);
        if (termFound > bestFound && termFound > inTitle[r]) {
          bestTerm = term.term();
          bestFound = termFound;
        }
      }
    }
    if (bestTerm != null) {
      return bestTerm.describe();
    }
    int best = 0;
    for (int r = 1; r < readings.size(); r++) {
      if (inTitle[r] > inTitle[best]) {
        best = r;
      }
    }
    Synonyms.Synonym synonym = readings.get(best).synonym();
    return synonym != null ? synonym.describe() : "title";
  }
}
