package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.platform.OpenEncoderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of every active release that lists codes, one index per release and a document per
 * code, so a search can be answered from the release in force on a date of service. It is kept
 * under {@code $OPENENCODER_HOME/search}: built once in the background after the releases load,
 * reopened on a restart, and built again when the active releases change (the next search after a
 * new release is activated notices it).
 */
@Component
class CodeIndex {

  static final String SYSTEM = "system";
  static final String CODE = "code";
  static final String DISPLAY = "display";
  static final String TITLE = "title";
  static final String SHORT_TITLE = "shortTitle";
  static final String BILLABLE = "billable";
  static final String KIND = "kind";
  static final String LEAD = "lead";
  static final String RELEASE = "release";
  static final String PARENT = "parent";
  static final String TERMS = "terms";
  static final String TERM_SOURCES = "termSources";
  static final String DEFAULTNESS = "defaultness";
  static final String WHOLE_TITLE = "wholeTitle";
  static final String TERM_CORE = "termCore";

  /**
   * Every word of a code's title, short title and index or inclusion terms, once, unscored: what a
   * narrowing asks of a code (see Narrowing) in one posting list a word, where the three fields it
   * is scored in were three.
   */
  static final String WORD = "word";

  /**
   * The fields whose words each segment holds in memory by code, to score the codes a narrowing
   * lets through without opening their posting lists (see {@link CandidateScoring}).
   */
  static final List<String> HELD = List.of(TITLE, SHORT_TITLE, TERMS, LEAD);

  private static final String RELEASE_ID = "releaseId";
  private static final String DEFAULTS = "defaults";
  private static final String TITLE_WORDS = "titleWords";
  private static final String CODE_ORDER = "codeOrder";
  private static final String HIT_WORDS = "hitWords";

  /**
   * A code's static rank, the order of the codes in each release's index: billable codes first,
   * then fewest words added to the defaults ("unspecified", "without": see {@link #NOT_EXTRA}),
   * more defaults, then code order (the order they are added in). See Narrowing.
   */
  static final String RANK = "rank";

  /**
   * Title words a ranking does not count as added to what a query asks for: defaults and small
   * words.
   */
  static final Set<String> NOT_EXTRA =
      Set.of(
          "unspecified",
          "nos",
          "without",
          "initial",
          "encounter",
          "closed",
          "of",
          "and",
          "or",
          "the",
          "for",
          "to",
          "in",
          "on",
          "by",
          "a",
          "an",
          "as",
          "at",
          "other",
          "type");

  // A word fewer codes than this have may be a typo; a correction must have COMMON times as many.
  private static final int RARE = 3;
  private static final int COMMON = 20;

  private static final Logger log = LoggerFactory.getLogger(CodeIndex.class);

  // Bump when the documents change shape, so that an index kept on disk is built again.
  static final int LAYOUT = 13;

  private final CodeSets codeSets;
  private final Path folder;
  private final Analyzer analyzer = new TitleAnalyzer();
  private volatile Built built;

  CodeIndex(CodeSets codeSets, OpenEncoderProperties properties) {
    this.codeSets = codeSets;
    this.folder = properties.home().resolve("search");
  }

  /** A code the index found, with its stored fields. */
  record Found(
      CodeSystem system,
      long release,
      String code,
      String title,
      String shortTitle,
      boolean billable,
      @Nullable String parent,
      int extraWords,
      boolean termIsQuery,
      int defaults,
      float score,
      int doc) {

    /** The code as the code books print it, with its dot; formatted for the hits compared. */
    String display() {
      return system.display(code);
    }
  }

  /**
   * A code's words as analyzed when the index is built, so that a hit's highlights and "matched on"
   * need neither the stored documents (decompressed a block at a time) nor the analyzer again:
   * those were a fifth of a search's time. The words of the title and the short title; the title's
   * words with their characters [start, end), for highlights; the index and inclusion terms with
   * their words, decoded only when asked for (often dozens, and most hits are matched on their
   * title).
   */
  static final class HitWords {

    static final HitWords NONE = new HitWords(List.of(), List.of(), List.of());

    record TitleWord(String word, int start, int end) {}

    record TermWords(Vocabulary.Term term, List<String> words) {}

    // Control characters the analyzer never keeps in a word and titles do not hold. Each is one
    // byte in UTF-8, and no byte of a multi-byte character is below 0x80, so decode finds them in
    // the bytes and decodes the words between them on their own.
    private static final char PART = '\u001e';
    private static final char ITEM = '\u001f';
    private static final char FIELD = '\u001d';
    private static final char SPACE = ' ';

    private final List<String> words;
    private final List<TitleWord> title;
    // The encoded terms, each after a PART, until they are decoded.
    private byte @Nullable [] encodedTerms;
    private @Nullable List<TermWords> terms;

    HitWords(List<String> words, List<TitleWord> title, List<TermWords> terms) {
      this.words = List.copyOf(words);
      this.title = List.copyOf(title);
      this.terms = List.copyOf(terms);
    }

    private HitWords(List<String> words, List<TitleWord> title, byte[] encodedTerms) {
      this.words = words;
      this.title = title;
      this.encodedTerms = encodedTerms;
    }

    List<String> words() {
      return words;
    }

    List<TitleWord> title() {
      return title;
    }

    List<TermWords> terms() {
      if (terms == null) {
        byte[] bytes = encodedTerms;
        List<TermWords> decoded = new ArrayList<>(count(bytes, PART, 0, bytes.length));
        // Each term after a PART: its text, its source and its words, a FIELD between them.
        for (int at = next(bytes, PART, 0, bytes.length); at < bytes.length; ) {
          int end = next(bytes, PART, at + 1, bytes.length);
          int textEnd = next(bytes, FIELD, at + 1, end);
          int sourceEnd = next(bytes, FIELD, textEnd + 1, end);
          if (sourceEnd >= end) {
            throw new IllegalArgumentException("A term without its source or words: " + decoded);
          }
          decoded.add(
              new TermWords(
                  new Vocabulary.Term(
                      text(bytes, at + 1, textEnd), text(bytes, textEnd + 1, sourceEnd)),
                  spaced(bytes, sourceEnd + 1, next(bytes, FIELD, sourceEnd + 1, end))));
          at = end;
        }
        terms = Collections.unmodifiableList(decoded);
        encodedTerms = null;
      }
      return terms;
    }

    String encode() {
      StringBuilder text = new StringBuilder();
      text.append(String.join(" ", words)).append(PART);
      for (TitleWord word : title) {
        text.append(word.word()).append(FIELD).append(word.start()).append(FIELD);
        text.append(word.end()).append(ITEM);
      }
      for (TermWords term : terms()) {
        text.append(PART).append(term.term().text()).append(FIELD).append(term.term().source());
        text.append(FIELD).append(String.join(" ", term.words()));
      }
      return text.toString();
    }

    /**
     * As {@link #encode} wrote it, read off the bytes in one pass (the separators are single UTF-8
     * bytes): the words and title now, the terms' bytes kept for {@link #terms}. Splitting the
     * decoded text with regular expressions was three quarters of reading a search's hits.
     */
    static HitWords decode(BytesRef bytes) {
      byte[] b = bytes.bytes;
      int end = bytes.offset + bytes.length;
      int wordsEnd = next(b, PART, bytes.offset, end);
      if (wordsEnd >= end) {
        throw new IllegalArgumentException("Hit words without a title part: " + bytes);
      }
      int titleEnd = next(b, PART, wordsEnd + 1, end);
      List<TitleWord> title = new ArrayList<>(count(b, ITEM, wordsEnd + 1, titleEnd));
      // Each title word: the word, its start and its end, a FIELD between them, an ITEM after.
      for (int item = wordsEnd + 1; item < titleEnd; ) {
        int itemEnd = next(b, ITEM, item, titleEnd);
        if (itemEnd > item) {
          int wordEnd = next(b, FIELD, item, itemEnd);
          int startEnd = next(b, FIELD, wordEnd + 1, itemEnd);
          title.add(
              new TitleWord(
                  text(b, item, wordEnd),
                  offset(b, wordEnd + 1, startEnd),
                  offset(b, startEnd + 1, itemEnd)));
        }
        item = itemEnd + 1;
      }
      return new HitWords(
          spaced(b, bytes.offset, wordsEnd),
          Collections.unmodifiableList(title),
          Arrays.copyOfRange(b, titleEnd, end));
    }

    /** The words between two positions, split at each space as String.split(" ") splits them. */
    private static List<String> spaced(byte[] bytes, int from, int to) {
      // split drops the empty words at the end, and with them an empty text's one word.
      int end = to;
      while (end > from && bytes[end - 1] == SPACE) {
        end--;
      }
      if (end == from) {
        return List.of();
      }
      String[] split = new String[count(bytes, SPACE, from, end) + 1];
      int word = 0;
      for (int start = from; start <= end; ) {
        int wordEnd = next(bytes, SPACE, start, end);
        split[word++] = text(bytes, start, wordEnd);
        start = wordEnd + 1;
      }
      return Collections.unmodifiableList(Arrays.asList(split));
    }

    /** Where the next separator is from {@code from} on, or {@code to} if there is none. */
    private static int next(byte[] bytes, char separator, int from, int to) {
      for (int i = from; i < to; i++) {
        if (bytes[i] == separator) {
          return i;
        }
      }
      return to;
    }

    private static int count(byte[] bytes, char separator, int from, int to) {
      int count = 0;
      for (int i = from; i < to; i++) {
        if (bytes[i] == separator) {
          count++;
        }
      }
      return count;
    }

    private static String text(byte[] bytes, int from, int to) {
      return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** A character offset as encode wrote it: decimal digits. */
    private static int offset(byte[] bytes, int from, int to) {
      if (from >= to) {
        throw new IllegalArgumentException("A title word without its offsets");
      }
      int offset = 0;
      for (int i = from; i < to; i++) {
        int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          throw new IllegalArgumentException("Not a title word's offset: " + text(bytes, from, to));
        }
        offset = offset * 10 + digit;
      }
      return offset;
    }
  }

  /**
   * An index opened for searching: one Lucene index per release, in the order they were written,
   * and a searcher over all of them (for typo corrections, whose word counts span every release);
   * with the typo corrections worked out so far (an automaton per word is the costly part of a
   * correction, and the same typos come back) and the views searches asked for.
   */
  private record Built(
      Set<Long> releases,
      Map<Long, DirectoryReader> byRelease,
      IndexSearcher all,
      Map<Long, CodeSystem> systems,
      Map<String, List<String>> corrections,
      Map<Set<Long>, View> views,
      Map<Ordinal, Long> ordinals,
      Map<Object, CodeEntry[]> entries,
      Map<Object, SegmentWords> words,
      Map<Object, SegmentPostings> postings,
      CountDownLatch held) {

    /**
     * Each code of a release's index by document, from the release's catalog: a hit's code and
     * entry without reading the code's doc value (a terms dictionary seek) and looking it up by
     * name, which was a tenth of building the hundred hits a search ranks. Null for a code the
     * catalog no longer lists.
     */
    CodeEntry[] entries(LeafReader leaf) {
      return ofSegment(entries, leaf);
    }

    /**
     * The words of the {@link #HELD} fields of each code of a segment (see SegmentWords); null
     * until they are read, in the background after the index opens.
     */
    @Nullable SegmentWords words(LeafReader leaf) {
      return words.get(leaf.getCoreCacheHelper().getKey());
    }

    /** The codes of each word of {@link #WORD} in a segment (see SegmentPostings), or null. */
    @Nullable SegmentPostings postings(LeafReader leaf) {
      return postings.get(leaf.getCoreCacheHelper().getKey());
    }

    /**
     * Reads every segment's words and postings in the background: a search that comes sooner scores
     * and narrows through the index's posting lists (the same scores, the same codes), so the
     * seconds this takes after a restart do not hold up the first search.
     */
    void readHeld() {
      Thread reader =
          new Thread(
              () -> {
                long started = System.nanoTime();
                long count = 0;
                try {
                  for (DirectoryReader release : byRelease.values()) {
                    for (LeafReaderContext leaf : release.leaves()) {
                      Object key = leaf.reader().getCoreCacheHelper().getKey();
                      SegmentWords segment = SegmentWords.read(leaf.reader(), HELD);
                      SegmentPostings codes = SegmentPostings.read(leaf.reader(), WORD);
                      words.put(key, segment);
                      postings.put(key, codes);
                      count += segment.size() + codes.size();
                    }
                  }
                  log.info(
                      "Held {} words of the code index by code and by word, read in {} ms",
                      count,
                      (System.nanoTime() - started) / 1_000_000);
                } catch (IOException | RuntimeException e) {
                  // A release replaced meanwhile closes its index: searches score through it.
                  log.warn("The code index's words are not held; searches read them instead", e);
                } finally {
                  held.countDown();
                }
              },
              "code-index-words");
      reader.setDaemon(true);
      reader.start();
    }

    // Every segment a view holds was read when the index opened.
    private static <T> T ofSegment(Map<Object, T> bySegment, LeafReader leaf) {
      T read = bySegment.get(leaf.getCoreCacheHelper().getKey());
      if (read == null) {
        throw new IllegalStateException("a segment this index did not open: " + leaf);
      }
      return read;
    }
  }

  /**
   * The index as a search reads it: the releases it searches and no other. Each release is its own
   * Lucene index, so a search walks the postings of its releases only. With one index of every
   * release, a search of the newest releases walked and filtered out the codes of the others too
   * (FY2021 ICD-10-CM and the earlier HCPCS and CPT quarters: two fifths of the codes).
   */
  final class View {
    private final Built index;
    private final IndexSearcher searcher;
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();
    private final Map<Term, PrefixQuery> prefixes = new ConcurrentHashMap<>();

    private View(Built index, IndexSearcher searcher) {
      this.index = index;
      this.searcher = searcher;
    }

    /**
     * The words of the codes a search shows, as each hit shows them, in the order given: read in
     * one pass over the codes shown, a doc values reader a release, after the ranking. Read for the
     * hundred codes ranked, they were copied and mostly thrown away.
     */
    List<HitWords> hitWords(List<Found> shown) {
      try {
        Integer[] byDoc = new Integer[shown.size()];
        for (int i = 0; i < byDoc.length; i++) {
          byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> shown.get(i).doc()));
        HitWords[] words = new HitWords[shown.size()];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
          int doc = shown.get(i).doc();
          // In doc order, the next code is mostly in the leaf of the one before.
          if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
            leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            values = DocValues.getBinary(leaf.reader(), HIT_WORDS);
          }
          BytesRef bytes = values.advanceExact(doc - leaf.docBase) ? values.binaryValue() : null;
          words[i] = bytes == null || bytes.length == 0 ? HitWords.NONE : HitWords.decode(bytes);
        }
        return List.of(words);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * A query for one word of one field whose place in the terms dictionary (and its statistics) is
     * looked up once per view, not on every search: a search of a few words over three fields and a
     * few readings asks for the same terms dozens of times, and walking the terms dictionary for
     * each was a tenth of its time. Lucene uses the states as given only for the reader they were
     * built for, so a query built before the index was rebuilt still answers right.
     */
    TermQuery term(String field, String word) {
      Term term = new Term(field, word);
      return new TermQuery(term, states(term));
    }

    /**
     * A query for the words of one field that begin so ("gluc" being typed), built once per view:
     * building one compiles its automaton, a tenth of a search of a word being typed.
     */
    PrefixQuery prefix(String field, String start) {
      Term term = new Term(field, start);
      PrefixQuery query = prefixes.get(term);
      if (query == null) {
        query = new PrefixQuery(term);
        if (prefixes.size() > MAX_CACHED_PREFIXES) {
          prefixes.clear();
        }
        prefixes.put(term, query);
      }
      return query;
    }

    /** As {@link #term}, for the words of a phrase (see {@link TitlePhrase}). */
    TitlePhrase phrase(int slop, String field, List<String> words) {
      return new TitlePhrase(slop, field, words, this::states);
    }

    /**
     * Where a term is in each release's terms dictionary, and its statistics in this view's
     * releases: looked up once per view (see {@link #term}).
     */
    TermStates states(Term term) {
      TermStates states = termStates.get(term);
      if (states == null) {
        try {
          states = TermStates.build(searcher, term, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (termStates.size() > MAX_CACHED_TERMS) {
          termStates.clear();
        }
        termStates.put(term, states);
      }
      return states;
    }

    /**
     * Each code's score by a query, {@link CandidateScoring#NO_MATCH} for a code it does not match,
     * the codes by index order: from the words each segment holds (see {@link CandidateScoring}),
     * as Lucene's scorers would score them.
     */
    float[] scores(Query query, int[] docs) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      if (!held()) {
        return scoresFromIndex(query, docs);
      }
      CandidateScoring scoring = CandidateScoring.of(query, searcher, HELD);
      float[] scores = new float[docs.length];
      int i = 0;
      for (LeafReaderContext leaf : leaves) {
        int end = leaf.docBase + leaf.reader().maxDoc();
        if (i == docs.length || docs[i] >= end) {
          continue;
        }
        scoring.segment(leaf, index.words(leaf.reader()));
        for (; i < docs.length && docs[i] < end; i++) {
          scores[i] = scoring.score(docs[i] - leaf.docBase);
        }
      }
      return scores;
    }

    /**
     * As {@link #scores}, by Lucene's scorers of the query: a scorer a segment, advanced from code
     * to code. What a search does until the words are held.
     */
    float[] scoresFromIndex(Query query, int[] docs) throws IOException {
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
      float[] scores = new float[docs.length];
      int i = 0;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        int end = leaf.docBase + leaf.reader().maxDoc();
        if (i == docs.length || docs[i] >= end) {
          continue;
        }
        Scorer scorer = weight.scorer(leaf);
        DocIdSetIterator it = scorer == null ? null : scorer.iterator();
        for (; i < docs.length && docs[i] < end; i++) {
          int doc = docs[i] - leaf.docBase;
          if (it != null && it.docID() < doc) {
            it.advance(doc);
          }
          scores[i] = it != null && it.docID() == doc ? scorer.score() : CandidateScoring.NO_MATCH;
        }
      }
      return scores;
    }

    /** Whether every segment of this view has its words held (see {@link Built#readHeld}). */
    boolean held() {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (index.words(leaf.reader()) == null) {
          return false;
        }
      }
      return true;
    }

    /** The codes of each word of {@link #WORD} as a segment of this view holds them, or null. */
    @Nullable SegmentPostings postings(LeafReaderContext leaf) {
      return index.postings(leaf.reader());
    }

    /** The searcher of this view's releases, which the queries of {@link #term} are built for. */
    IndexSearcher searcher() {
      return searcher;
    }

    /**
     * As {@link CodeIndex#search(Query, int, Wanted)} in this view's releases, within {@code
     * filter} (null: every code), but among the codes the narrowing lets through (see {@link
     * Narrowing}), else by the query alone. The narrowing must let through only codes the query
     * matches.
     *
     * <p>The codes let through are scored one by one from the words each segment holds (see {@link
     * CandidateScoring}). Left to Lucene, the conjunction of the query and a narrowing built the
     * query's weight and scorers again for every narrowing tried and moved the query's disjunction
     * of every word along with the narrowing; advanced code by code, its scorers were set up per
     * word, field and release for a few dozen codes.
     */
    List<Found> search(
        Query query,
        CodeBoosts boosts,
        @Nullable Query filter,
        Narrowing narrowing,
        int limit,
        int enough,
        int few,
        Wanted wanted) {
      try {
        int[] candidates = narrowing.candidates(searcher, filter, enough, few, this::postings);
        ScoreDoc[] hits;
        if (candidates != null) {
          hits = scored(this, query, boosts, candidates, limit);
        } else {
          hits = top(searcher, within(boosts.around(query, this), Occur.MUST, filter), limit);
        }
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(h -> h.doc));
        List<Found> found = new ArrayList<>(hits.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        LeafReader reader = null;
        NumericDocValues releases = null;
        NumericDocValues defaults = null;
        CodeEntry[] entries = new CodeEntry[0];
        SortedSetDocValues titleWords = null;
        SortedSetDocValues termCores = null;
        LeafWanted leafWanted = null;
        for (ScoreDoc hit : byDoc) {
          int next = ReaderUtil.subIndex(hit.doc, leaves);
          if (next != leaf) {
            leaf = next;
            reader = leaves.get(leaf).reader();
            releases = DocValues.getNumeric(reader, RELEASE_ID);
            defaults = DocValues.getNumeric(reader, DEFAULTS);
            entries = index.entries(reader);
            titleWords = DocValues.getSortedSet(reader, TITLE_WORDS);
            termCores = DocValues.getSortedSet(reader, TERM_CORE);
            leafWanted =
                LeafWanted.of(
                    wanted,
                    new Dictionary(titleWords, reader, TITLE_WORDS, index.ordinals()),
                    new Dictionary(termCores, reader, TERM_CORE, index.ordinals()));
          }
          int doc = hit.doc - leaves.get(leaf).docBase;
          releases.advanceExact(doc);
          long release = releases.longValue();
          int defaultCount = defaults.advanceExact(doc) ? (int) defaults.longValue() : 0;
          CodeSystem system = index.systems().get(release);
          CodeEntry entry = entries[doc];
          if (system == null || entry == null) {
            continue; // the release was retired since the index was opened
          }
          String code = entry.code();
          found.add(
              new Found(
                  system,
                  release,
                  code,
                  nullToEmpty(entry.title()),
                  nullToEmpty(entry.shortTitle()),
                  entry.billable(),
                  entry.parent(),
                  extraWords(titleWords, doc, leafWanted),
                  termIsQuery(termCores, doc, leafWanted),
                  defaultCount,
                  hit.score,
                  hit.doc));
        }
        found.sort(
            (a, b) -> {
              int byScore = Float.compare(b.score(), a.score());
              if (byScore != 0) {
                return byScore;
              }
              int byLength = Integer.compare(a.code().length(), b.code().length());
              return byLength != 0 ? byLength : a.code().compareTo(b.code());
            });
        return found;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The index of some releases, as of now; releases the index does not hold are left out. Views are
   * kept: the same few sets of releases (the newest of each system, or those in force on a date)
   * come back.
   */
  View view(Set<Long> releases) {
    Built index = current();
    View view = index.views().get(releases);
    if (view != null) {
      return view;
    }
    if (index.views().size() > MAX_VIEWS) {
      index.views().clear();
    }
    return index
        .views()
        .computeIfAbsent(
            Set.copyOf(releases),
            wanted -> {
              IndexReader[] readers =
                  index.byRelease().entrySet().stream()
                      .filter(e -> wanted.contains(e.getKey()))
                      .map(Map.Entry::getValue)
                      .toArray(IndexReader[]::new);
              return new View(index, new ReleasesSearcher(readers, index.all()));
            });
  }

  private static final int MAX_VIEWS = 64;

  /**
   * A searcher over some releases that scores with the word statistics of every release indexed
   * (BM25's document frequencies and average lengths), as one index of them all did: a code's score
   * for a query is then the same whichever releases are searched with it, and the ranking tuned on
   * the golden queries stays as it was.
   */
  private static final class ReleasesSearcher extends IndexSearcher {
    private final IndexSearcher all;
    private final Map<Term, TermStatistics> statistics = new ConcurrentHashMap<>();
    private final Map<String, Optional<CollectionStatistics>> fields = new ConcurrentHashMap<>();

    ReleasesSearcher(IndexReader[] readers, IndexSearcher all) {
      super(multiReader(readers));
      this.all = all;
      setSimilarity(all.getSimilarity());
      // Lucene's query cache tracks how often each query is used by hashing it, every clause of
      // it, on every leaf of every search: a tenth of a search of a few words, for a cache that
      // would hold only the billable filter. Each search's queries are new.
      setQueryCache(null);
    }

    // Kept per field: the releases never change, and summing every release's figures again was
    // done for each word of each field of every search.
    @Override
    public @Nullable CollectionStatistics collectionStatistics(String field) throws IOException {
      Optional<CollectionStatistics> known = fields.get(field);
      if (known == null) {
        known = Optional.ofNullable(all.collectionStatistics(field));
        fields.put(field, known);
      }
      return known.orElse(null);
    }

    @Override
    public @Nullable TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
        throws IOException {
      TermStatistics known = statistics.get(term);
      if (known == null) {
        IndexReader reader = all.getIndexReader();
        int everywhere = reader.docFreq(term);
        known =
            everywhere == 0
                ? new TermStatistics(term.bytes(), docFreq, totalTermFreq)
                : new TermStatistics(term.bytes(), everywhere, reader.totalTermFreq(term));
        if (statistics.size() > MAX_CACHED_TERMS) {
          statistics.clear();
        }
        statistics.put(term, known);
      }
      return known;
    }
  }

  private static MultiReader multiReader(IndexReader[] readers) {
    try {
      return new MultiReader(readers, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IndexSearcher searcher(IndexReader[] readers) {
    IndexSearcher searcher = new IndexSearcher(multiReader(readers));
    // Less length normalization than BM25's default 0.75: a long title is long because it is
    // specific (laterality, encounter), not because the words matter less in it.
    searcher.setSimilarity(new BM25Similarity(1.2f, 0.3f));
    return searcher;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The title words nearest to one that no title, short title or term has: those of fewest edits (a
   * transposition is one), the words of most codes first, at most {@code max}. Empty when the word
   * is in the index or nothing is near. "diabetis" is one edit from both "diabetes" and "diabetic":
   * both are kept, and the query's other words decide.
   */
  List<String> corrections(String word, int maxEdits, int max) {
    Built index = current();
    String key = word + '/' + maxEdits + '/' + max;
    List<String> known = index.corrections().get(key);
    if (known != null) {
      return known;
    }
    List<String> corrections = nearestWords(index.all().getIndexReader(), word, maxEdits, max);
    if (index.corrections().size() > MAX_CACHED_CORRECTIONS) {
      index.corrections().clear();
    }
    index.corrections().put(key, corrections);
    return corrections;
  }

  private static final int MAX_CACHED_CORRECTIONS = 50_000;

  // About 250 bytes a term (its state, the key, the map entry): at most about 12 MB.
  private static final int MAX_CACHED_TERMS = 50_000;
  // Each holds a compiled automaton, and what users type is unbounded: the words being typed of a
  // busy hour.
  private static final int MAX_CACHED_PREFIXES = 4_096;

  private static List<String> nearestWords(IndexReader reader, String word, int maxEdits, int max) {
    try {
      int known = 0;
      for (String field : List.of(TITLE, SHORT_TITLE, TERMS)) {
        known += reader.docFreq(new Term(field, word));
      }
      if (known >= RARE) {
        return List.of();
      }
      Terms terms = MultiTerms.getTerms(reader, TITLE);
      if (terms == null) {
        return List.of();
      }
      FuzzyTermsEnum near = new FuzzyTermsEnum(terms, new Term(TITLE, word), maxEdits, 1, true);
      record Candidate(String word, int edits, int codes) {}
      List<Candidate> candidates = new ArrayList<>();
      for (BytesRef term = near.next(); term != null; term = near.next()) {
        String candidate = term.utf8ToString();
        candidates.add(new Candidate(candidate, edits(word, candidate), near.docFreq()));
      }
      if (known > 0) {
        // A word a code or two has (an abbreviation in a short title, another release's word)
        // may still be a typo of a common one: "sepis" is in an old HCPCS short title.
        int common = known * COMMON;
        candidates.removeIf(c -> c.codes() < common);
      }
      int fewest = candidates.stream().mapToInt(Candidate::edits).min().orElse(0);
      // A long word keeps the words one edit further too: "tuberculosus" is one edit from
      // "tuberculous" and two from "tuberculosis".
      int furthest = word.length() >= 8 ? fewest + 1 : fewest;
      List<String> nearest =
          candidates.stream()
              .filter(c -> c.edits() <= furthest)
              .sorted(
                  Comparator.comparingInt(Candidate::edits)
                      .thenComparing(Comparator.comparingInt(Candidate::codes).reversed()))
              .limit(max)
              .map(Candidate::word)
              .toList();
      if (known == 0 || nearest.isEmpty()) {
        return nearest;
      }
      List<String> withWord = new ArrayList<>(nearest);
      withWord.add(0, word);
      return withWord;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Edits between two words: insertions, deletions, substitutions and adjacent transpositions. */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * Builds the index in the background once the releases are loaded, so the first search does not
   * wait the seconds it takes; a search that comes sooner builds it itself.
   */
  @EventListener(ApplicationReadyEvent.class)
  void buildWhenReleasesLoad() {
    Thread builder =
        new Thread(
            () -> {
              try {
                if (codeSets.awaitReady(1, TimeUnit.HOURS)) {
                  current();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                log.warn("Code index not built ahead of the first search", e);
              }
            },
            "code-index-builder");
    builder.setDaemon(true);
    builder.start();
  }

  boolean ready() {
    return codeSets.ready();
  }

  /**
   * Waits for the words of the index to be held in memory (see {@link Built#readHeld}); false if
   * they are not within the time.
   */
  boolean awaitHeld(long timeout, TimeUnit unit) throws InterruptedException {
    return current().held().await(timeout, unit);
  }

  /**
   * The best {@code limit} codes for a query, by score, then shorter code, then code order. Plain
   * score order lets Lucene skip codes that cannot make the list; the fields a ranking needs are
   * read from doc values and the in-memory catalogs, not from stored documents.
   */
  List<Found> search(Query query, int limit) {
    return search(query, limit, Wanted.NOTHING);
  }

  /**
   * What a code scores for what it is, whatever the words: being billable, and each level of
   * defaults in its title (up to {@code levels}). A search of the whole index adds them as Boolean
   * clauses ({@link #around}); the codes a narrowing lets through are scored without them and have
   * them added from the catalog and doc values ({@link #added}), four posting lists fewer to open
   * and advance per release. The two give the same score, float for float (see added).
   */
  record CodeBoosts(float billable, float perDefault, int levels) {
    static final CodeBoosts NONE = new CodeBoosts(0f, 0f, 0);

    Query around(Query query, View view) {
      if (this.equals(NONE)) {
        return query;
      }
      BooleanQuery.Builder scored = new BooleanQuery.Builder().add(query, Occur.MUST);
      scored.add(
          new BoostQuery(new ConstantScoreQuery(view.term(BILLABLE, "true")), billable),
          Occur.SHOULD);
      for (int level = 1; level <= levels; level++) {
        scored.add(
            new BoostQuery(
                new ConstantScoreQuery(view.term(DEFAULTNESS, Integer.toString(level))),
                perDefault),
            Occur.SHOULD);
      }
      return scored.build();
    }

    /**
     * A score with the boosts of a code added as Lucene adds the optional clauses of {@link
     * #around}: their sum in double, as a float, added to the required clause's score; nothing
     * added when none matches. (The sum of these few floats is exact in double, so its order does
     * not matter.)
     */
    float added(float score, boolean isBillable, int defaults) {
      int matched = Math.min(defaults, levels);
      if (this.equals(NONE) || (!isBillable && matched == 0)) {
        return score;
      }
      double optional = 0;
      if (isBillable) {
        optional += billable;
      }
      for (int level = 1; level <= matched; level++) {
        optional += perDefault;
      }
      return score + (float) optional;
    }
  }

  /**
   * What a ranking asks of each hit: which title words the query has (whole, or begun), which words
   * never count as added, and the query's readings as whole phrases, to find a code whose index or
   * inclusion term is the query.
   */
  record Wanted(
      Set<String> words, Set<String> prefixes, Set<String> notExtra, Set<String> readings) {
    static final Wanted NOTHING = new Wanted(Set.of(), Set.of(), Set.of(), Set.of());
  }

  /**
   * One segment's doc values dictionary, its words' ordinals kept once looked up: the same words
   * come back search after search, and each lookup is a seek in the dictionary's blocks.
   */
  private static final class Dictionary {
    private final SortedSetDocValues values;
    private final Map<Ordinal, Long> known;
    private final Object segment;
    private final String field;

    Dictionary(
        SortedSetDocValues values, LeafReader reader, String field, Map<Ordinal, Long> known) {
      this.values = values;
      this.known = known;
      this.segment = reader.getCoreCacheHelper().getKey();
      this.field = field;
    }

    /**
     * As {@link SortedSetDocValues#lookupTerm}. Kept by the word as text, whose hash a string holds
     * once worked out, where a byte key was encoded and hashed again on every search.
     */
    long lookupTerm(String term) throws IOException {
      Ordinal key = new Ordinal(segment, field, term);
      Long ord = known.get(key);
      if (ord == null) {
        ord = values.lookupTerm(new BytesRef(term));
        if (known.size() > MAX_CACHED_TERMS) {
          known.clear();
        }
        known.put(key, ord);
      }
      return ord;
    }
  }

  private record Ordinal(Object segment, String field, String term) {}

  /** Wanted, as the ordinals of one segment's doc values dictionaries. */
  private record LeafWanted(long[] known, long[][] prefixRanges, long[] readings) {

    static LeafWanted of(Wanted wanted, Dictionary titleWords, Dictionary cores)
        throws IOException {
      Set<String> known = new HashSet<>(wanted.words());
      known.addAll(wanted.notExtra());
      long[][] ranges = new long[wanted.prefixes().size()][];
      int i = 0;
      for (String prefix : wanted.prefixes()) {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] after = Arrays.copyOf(bytes, bytes.length + 1);
        after[bytes.length] = (byte) 0xff; // no UTF-8 byte: after every word that begins so
        ranges[i++] =
            new long[] {
              insertionPoint(titleWords.lookupTerm(prefix)),
              insertionPoint(titleWords.values.lookupTerm(new BytesRef(after)))
            };
      }
      return new LeafWanted(ords(titleWords, known), ranges, ords(cores, wanted.readings()));
    }

    private static long insertionPoint(long ord) {
      return ord >= 0 ? ord : -ord - 1;
    }

    private static long[] ords(Dictionary values, Set<String> terms) throws IOException {
      long[] ords = new long[terms.size()];
      int n = 0;
      for (String term : terms) {
        long ord = values.lookupTerm(term);
        if (ord >= 0) {
          ords[n++] = ord;
        }
      }
      long[] found = Arrays.copyOf(ords, n);
      Arrays.sort(found);
      return found;
    }

    boolean known(long ord) {
      if (Arrays.binarySearch(known, ord) >= 0) {
        return true;
      }
      for (long[] range : prefixRanges) {
        if (ord >= range[0] && ord < range[1]) {
          return true;
        }
      }
      return false;
    }
  }

  private static int extraWords(SortedSetDocValues titleWords, int doc, LeafWanted wanted)
      throws IOException {
    if (!titleWords.advanceExact(doc)) {
      return 0;
    }
    int extra = 0;
    for (int i = 0; i < titleWords.docValueCount(); i++) {
      if (!wanted.known(titleWords.nextOrd())) {
        extra++;
      }
    }
    return extra;
  }

  private static boolean termIsQuery(SortedSetDocValues cores, int doc, LeafWanted wanted)
      throws IOException {
    if (wanted.readings().length == 0 || !cores.advanceExact(doc)) {
      return false;
    }
    for (int i = 0; i < cores.docValueCount(); i++) {
      if (Arrays.binarySearch(wanted.readings(), cores.nextOrd()) >= 0) {
        return true;
      }
    }
    return false;
  }

  List<Found> search(Query query, int limit, Wanted wanted) {
    Built index = current();
    return view(index.releases())
        .search(query, CodeBoosts.NONE, null, Narrowing.NONE, limit, limit, limit, wanted);
  }

  // Codes a reading or a clause lets through in each release for a tier of a narrowing, at most:
  // above ENOUGH, so that a tier that stops here answers. With 256, the golden, held-out and
  // exact-description reports were the same as with 64, and the longest queries scored four times
  // the codes.
  static final int LET_THROUGH = 64;

  /** A query within a filter (null: none), the query added as {@code occur}. */
  static Query within(Query query, Occur occur, @Nullable Query filter) {
    return filter == null
        ? query
        : new BooleanQuery.Builder().add(query, occur).add(filter, Occur.FILTER).build();
  }

  /**
   * The best {@code limit} of some codes (by index order) by the query's score, ties to the lower
   * document as Lucene's top-score collector breaks them. A code the query does not match is left
   * out.
   */
  private static ScoreDoc[] scored(View view, Query query, CodeBoosts boosts, int[] docs, int limit)
      throws IOException {
    float[] scores = view.scores(query, docs);
    // Each code matched as a key that sorts by score, highest first, then by index order: a sort
    // of longs, not of objects by a comparator (a twentieth of a search of a few hundred codes).
    long[] order = new long[docs.length];
    int matched = 0;
    List<LeafReaderContext> leaves = view.searcher().getIndexReader().leaves();
    int i = 0;
    for (LeafReaderContext leaf : leaves) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      if (i == docs.length || docs[i] >= end) {
        continue;
      }
      CodeEntry[] entries = view.index.entries(leaf.reader());
      NumericDocValues defaults = DocValues.getNumeric(leaf.reader(), DEFAULTS);
      for (; i < docs.length && docs[i] < end; i++) {
        if (!Float.isNaN(scores[i])) {
          int doc = docs[i] - leaf.docBase;
          boolean billable = entries[doc] != null && entries[doc].billable();
          int defaultCount = defaults.advanceExact(doc) ? (int) defaults.longValue() : 0;
          scores[i] = boosts.added(scores[i], billable, defaultCount);
          order[matched++] = (long) ~NumericUtils.floatToSortableInt(scores[i]) << 32 | i;
        }
      }
    }
    Arrays.sort(order, 0, matched);
    ScoreDoc[] hits = new ScoreDoc[Math.min(limit, matched)];
    for (int k = 0; k < hits.length; k++) {
      int at = (int) order[k];
      hits[k] = new ScoreDoc(docs[at], scores[at]);
    }
    return hits;
  }

  // Total hits are not needed: counting stops at the limit, so that block-max WAND and MaxScore
  // may skip codes that cannot make the list from then on. (The codes a narrowing lets through are
  // scored one by one instead: Lucene 9.12's top-score search of a query with a phrase within such
  // codes asked a word's scorer for the score of a code it had moved past, "low back pain" once
  // the releases were indexed apart: an AssertionError under -ea, norms read out of bounds
  // without.)
  private static ScoreDoc[] top(IndexSearcher searcher, Query query, int limit) throws IOException {
    return searcher.search(query, new TopScoreDocCollectorManager(limit, null, limit)).scoreDocs;
  }

  private Built current() {
    Set<Long> releases = releasesWithCodes();
    Built index = built;
    if (index != null && index.releases().equals(releases)) {
      return index;
    }
    synchronized (this) {
      if (built == null || !built.releases().equals(releases)) {
        built = build(releases);
      }
      return built;
    }
  }

  private Set<Long> releasesWithCodes() {
    Set<Long> releases = new TreeSet<>();
    for (CodeSystem system : CodeSystem.values()) {
      for (Release release : codeSets.activeReleases(system.dataset())) {
        codeSets
            .catalog(release.id())
            .filter(catalog -> catalog.size() > 0)
            .ifPresent(catalog -> releases.add(release.id()));
      }
    }
    return releases;
  }

  /**
   * The index of a set of releases: opened from {@code $OPENENCODER_HOME/search} when this node
   * built it before (a restart), else built there and then opened. Releases never change under
   * their id, so the ids and the layout name the index.
   */
  private Built build(Set<Long> releases) {
    String name =
        "index-v"
            + LAYOUT
            + "-"
            + releases.stream().map(String::valueOf).collect(Collectors.joining("-"));
    Path target = folder.resolve(name);
    try {
      if (!Files.exists(target.resolve(COMPLETE))) {
        write(releases, target);
      }
      removeOtherIndexes(name);
      Map<Long, DirectoryReader> byRelease = new LinkedHashMap<>();
      Map<Long, CodeSystem> systems = new HashMap<>();
      for (CodeSystem system : CodeSystem.values()) {
        for (Release release : codeSets.activeReleases(system.dataset())) {
          systems.put(release.id(), system);
          if (releases.contains(release.id())) {
            Path part = target.resolve(Long.toString(release.id()));
            byRelease.put(release.id(), DirectoryReader.open(FSDirectory.open(part)));
          }
        }
      }
      IndexSearcher all = searcher(byRelease.values().toArray(IndexReader[]::new));
      Map<Object, CodeEntry[]> entries = new HashMap<>();
      for (Map.Entry<Long, DirectoryReader> release : byRelease.entrySet()) {
        CodeCatalog catalog = codeSets.catalog(release.getKey()).orElse(null);
        for (LeafReaderContext leaf : release.getValue().leaves()) {
          entries.put(leaf.reader().getCoreCacheHelper().getKey(), entries(leaf.reader(), catalog));
        }
      }
      log.info("Opened the code index {} ({} codes)", target, all.getIndexReader().numDocs());
      Built opened =
          new Built(
              Set.copyOf(releases),
              Collections.unmodifiableMap(byRelease),
              all,
              Map.copyOf(systems),
              new ConcurrentHashMap<>(),
              new ConcurrentHashMap<>(),
              new ConcurrentHashMap<>(),
              Map.copyOf(entries),
              new ConcurrentHashMap<>(),
              new ConcurrentHashMap<>(),
              new CountDownLatch(1));
      opened.readHeld();
      return opened;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String COMPLETE = "complete";

  private static CodeEntry[] entries(LeafReader leaf, @Nullable CodeCatalog catalog)
      throws IOException {
    CodeEntry[] entries = new CodeEntry[leaf.maxDoc()];
    SortedDocValues codes = DocValues.getSorted(leaf, CODE_ORDER);
    for (int doc = codes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = codes.nextDoc()) {
      if (catalog != null) {
        entries[doc] = catalog.get(codes.lookupOrd(codes.ordValue()).utf8ToString()).orElse(null);
      }
    }
    return entries;
  }

  private void write(Set<Long> releases, Path target) throws IOException {
    long started = System.nanoTime();
    Path building = folder.resolve(target.getFileName() + ".building");
    deleteTree(building);
    Files.createDirectories(building);
    int documents = 0;
    List<String> titles = new ArrayList<>();
    Vocabulary vocabulary = Vocabulary.gather(codeSets);
    for (CodeSystem system : CodeSystem.values()) {
      for (Release release : codeSets.activeReleases(system.dataset())) {
        Optional<CodeCatalog> catalog = codeSets.catalog(release.id());
        if (catalog.isEmpty() || !releases.contains(release.id())) {
          continue;
        }
        titles.add(release.title());
        try (FSDirectory directory =
                FSDirectory.open(building.resolve(Long.toString(release.id())));
            IndexWriter writer =
                new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer)
                        .setIndexSort(new Sort(new SortField(RANK, SortField.Type.INT))))) {
          for (CodeEntry entry : catalog.get().entries()) {
            // The RVU file that lists CPT numbers lists HCPCS Level II codes too; those are
            // indexed from the HCPCS release.
            if (system.hasShape(entry.code())) {
              writer.addDocument(document(system, release, entry, vocabulary));
              documents++;
            }
          }
          writer.forceMerge(1);
        }
      }
    }
    Files.createFile(building.resolve(COMPLETE));
    deleteTree(target);
    Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    log.info(
        "Indexed {} codes of {} in {} ms into {}",
        documents,
        titles,
        (System.nanoTime() - started) / 1_000_000,
        target);
  }

  /** Indexes of releases no longer active, or of an older layout, are dropped. */
  private void removeOtherIndexes(String keep) throws IOException {
    try (Stream<Path> indexes = Files.list(folder)) {
      for (Path other : indexes.filter(p -> !p.getFileName().toString().equals(keep)).toList()) {
        if (other.getFileName().toString().startsWith("index-")
            && !other.toString().endsWith(".building")) {
          deleteTree(other);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private Document document(
      CodeSystem system, Release release, CodeEntry entry, Vocabulary vocabulary) {
    Document doc = new Document();
    doc.add(new StringField(SYSTEM, system.slug(), Field.Store.YES));
    doc.add(new StringField(RELEASE, Long.toString(release.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(RELEASE_ID, release.id()));
    if (entry.parent() != null) {
      doc.add(new StoredField(PARENT, entry.parent()));
    }
    doc.add(new StringField(CODE, entry.code(), Field.Store.YES));
    doc.add(new StoredField(DISPLAY, system.display(entry.code())));
    doc.add(new SortedDocValuesField(CODE_ORDER, new BytesRef(entry.code())));
    // CPT descriptors are empty without a licence: nothing is indexed or shown in their place.
    doc.add(new TextField(TITLE, nullToEmpty(entry.title()), Field.Store.YES));
    doc.add(new TextField(SHORT_TITLE, nullToEmpty(entry.shortTitle()), Field.Store.YES));
    leadWord(entry.title()).ifPresent(word -> doc.add(new StringField(LEAD, word, Field.Store.NO)));
    doc.add(new StringField(BILLABLE, Boolean.toString(entry.billable()), Field.Store.YES));
    doc.add(new StringField(KIND, entry.kind().name(), Field.Store.YES));
    // How much of a title is a default a coder falls back on when the record says no more:
    // "unspecified", "NOS", "without …" (ICD-10-CM conventions I.A.9 and the Index's defaults).
    // A code's whole title, to put it first when a query is that title; billable codes only, as
    // a header shares its title with its unspecified code (J18 and J18.9).
    if (entry.billable()) {
      wholeTitle(entry.title())
          .ifPresent(whole -> doc.add(new StringField(WHOLE_TITLE, whole, Field.Store.NO)));
    }
    int defaults = defaultWords(entry.title());
    // As the ranking orders codes with the same words (CodeSearch.reranked): a code with fewer
    // words beyond the query's is nearer, and a default is a coder's fallback.
    int added = (int) words(entry.title()).stream().filter(w -> !NOT_EXTRA.contains(w)).count();
    doc.add(
        new NumericDocValuesField(
            RANK,
            (entry.billable() ? 0 : 1_000_000)
                + 100
                + Math.min(added, 99)
                - Math.min(defaults, 3)));
    doc.add(new NumericDocValuesField(DEFAULTS, defaults));
    for (String word : new LinkedHashSet<>(words(entry.title()))) {
      doc.add(new SortedSetDocValuesField(TITLE_WORDS, new BytesRef(word)));
    }
    for (int level = 1; level <= Math.min(defaults, 3); level++) {
      doc.add(new StringField(DEFAULTNESS, Integer.toString(level), Field.Store.NO));
    }
    Set<String> anyWords = new LinkedHashSet<>(words(entry.title()));
    anyWords.addAll(words(entry.shortTitle()));
    List<HitWords.TermWords> termWords = new ArrayList<>();
    for (Vocabulary.Term term : vocabulary.termsOf(system, entry.code())) {
      termWords.add(new HitWords.TermWords(term, words(term.text())));
      anyWords.addAll(words(term.text()));
      doc.add(new TextField(TERMS, term.text(), Field.Store.YES));
      // Without the nonessential modifiers in parentheses and "NOS" (conventions I.A.7, I.A.9):
      // "Hypertension (arterial) (benign) (essential)" is the term "hypertension".
      wholeTitle(NONESSENTIAL.matcher(term.text()).replaceAll(" "))
          .ifPresent(
              core -> {
                doc.add(new StringField(TERM_CORE, core, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(TERM_CORE, new BytesRef(core)));
              });
      doc.add(new StoredField(TERM_SOURCES, term.source()));
    }
    for (String word : anyWords) {
      doc.add(new StringField(WORD, word, Field.Store.NO));
    }
    List<String> hitWords =
        words(nullToEmpty(entry.title()) + " " + nullToEmpty(entry.shortTitle()));
    HitWords hit = new HitWords(hitWords, titleWords(entry.title()), termWords);
    doc.add(new BinaryDocValuesField(HIT_WORDS, new BytesRef(hit.encode())));
    return doc;
  }

  /** A title's words as analyzed, joined by spaces: what a query of the very same words gives. */
  Optional<String> wholeTitle(String title) {
    if (title == null || title.isBlank()) {
      return Optional.empty();
    }
    String whole = String.join(" ", words(title));
    // A StringField term is at most 32 KB; titles are far shorter, but stay safe.
    return whole.isEmpty() || whole.length() > 8_000 ? Optional.empty() : Optional.of(whole);
  }

  /** A title's words as analyzed, with where each is in the title. */
  private List<HitWords.TitleWord> titleWords(String title) {
    List<HitWords.TitleWord> words = new ArrayList<>();
    if (title == null || title.isEmpty()) {
      return words;
    }
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(
            new HitWords.TitleWord(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** A text's words as analyzed, in order. */
  List<String> words(String title) {
    List<String> words = new ArrayList<>();
    if (title == null) {
      return words;
    }
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)|\\bNOS\\b");

  // "Accidental (unintentional)" is the intent to code when it is not documented (guideline
  // I.C.19.e.5.b).
  private static final Set<String> DEFAULT_WORDS =
      Set.of("unspecified", "nos", "without", "accidental", "unintentional");

  int defaultWords(String title) {
    if (title == null || title.isEmpty()) {
      return 0;
    }
    int count = 0;
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (DEFAULT_WORDS.contains(term.toString())) {
          count++;
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  /** The first word of a title as analyzed: the main term, in ICD-10-CM ("Pneumonia, ..."). */
  Optional<String> leadWord(String title) {
    if (title == null || title.isEmpty()) {
      return Optional.empty();
    }
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      Optional<String> first =
          tokens.incrementToken() ? Optional.of(term.toString()) : Optional.empty();
      while (tokens.incrementToken()) {
        // Drain the stream, as the TokenStream contract asks before end().
      }
      tokens.end();
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
