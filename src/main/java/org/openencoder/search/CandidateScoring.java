package org.openencoder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.jspecify.annotations.Nullable;

/**
 * A query's score of the codes a narrowing lets through, one code at a time, as Lucene 9.12 scores
 * them, float for float, from each code's words held in memory ({@link SegmentWords}) where it can:
 * a word of a held field is found in the code's few words, and scored by the very BM25 scorer
 * Lucene would build for it. A phrase is matched by Lucene, for the codes that have all its words;
 * anything else is left to Lucene's scorer, advanced from code to code.
 *
 * <p>Lucene sets up a scorer of every word, field and reading in every release for the few dozen
 * codes a slow search scores, and decodes a block of postings for each code it moves to: half of
 * such a search. The sums follow Lucene's scorers: a disjunction sums its clauses' scores in double
 * ({@code DisjunctionSumScorer}), a dismax adds the others' sum times the tie breaker to the best
 * ({@code DisjunctionMaxScorer}), a required clause's float has the optional clauses' added as a
 * float ({@code ReqOptSumScorer}), and boosts multiply down the tree as the weights pass them.
 * {@code CandidateScoringTest} checks every code of the real queries against Lucene's scorers.
 */
final class CandidateScoring {

  /** What a part of the query gives a code it does not match. */
  static final float NO_MATCH = Float.NaN;

  private final Part root;
  private final Found found;

  private CandidateScoring(Part root, Found found) {
    this.root = root;
    this.found = found;
  }

  /**
   * The scoring of a query in a searcher's releases, the query rewritten here; the words of the
   * {@code held} fields are read from the {@link SegmentWords} of each segment, which must hold
   * them.
   */
  static CandidateScoring of(Query query, IndexSearcher searcher, List<String> held)
      throws IOException {
    Found found = new Found(held);
    Part root = new Compiler(searcher, found).part(searcher.rewrite(query), 1f, true);
    found.seal();
    return new CandidateScoring(root, found);
  }

  /**
   * Moves to a segment: the codes scored next are its documents, in increasing order, until the
   * next call.
   */
  void segment(LeafReaderContext leaf, SegmentWords words) throws IOException {
    found.segment(words);
    root.segment(leaf, words);
  }

  /** A code's score, or {@link #NO_MATCH}. */
  float score(int doc) throws IOException {
    found.read(doc);
    return root.score(doc);
  }

  /**
   * The query's words of the held fields, and how often the code being scored has each: read in one
   * walk of the code's words per field, not looked up word by word (a long query has a few dozen
   * words and fields over its readings).
   */
  private static final class Found {
    private final List<String> fields;
    private final Map<Term, Integer> slots = new HashMap<>();
    private final List<Term> terms = new ArrayList<>();
    private int[] frequencies = new int[0];
    private final long[] norms;
    private final SegmentWords.@Nullable FieldWords[] held;
    // Per field, this segment's numbers of the query's words it has, ascending, and their slots.
    private final int[][] numbers;
    private final int[][] numberSlots;
    private final int[] counts;

    Found(List<String> fields) {
      this.fields = List.copyOf(fields);
      this.norms = new long[fields.size()];
      this.held = new SegmentWords.FieldWords[fields.size()];
      this.numbers = new int[fields.size()][];
      this.numberSlots = new int[fields.size()][];
      this.counts = new int[fields.size()];
    }

    boolean holds(String field) {
      return fields.contains(field);
    }

    int field(String field) {
      return fields.indexOf(field);
    }

    /** The slot of a word of a held field, the same for the same word. */
    int slot(Term term) {
      return slots.computeIfAbsent(
          term,
          t -> {
            terms.add(t);
            return terms.size() - 1;
          });
    }

    void seal() {
      frequencies = new int[terms.size()];
    }

    int frequency(int slot) {
      return frequencies[slot];
    }

    long norm(int field) {
      return norms[field];
    }

    void segment(SegmentWords words) {
      for (int f = 0; f < fields.size(); f++) {
        SegmentWords.FieldWords fieldWords = words.field(fields.get(f));
        held[f] = fieldWords;
        long[] pairs = new long[terms.size()];
        int count = 0;
        for (int slot = 0; slot < terms.size(); slot++) {
          Term term = terms.get(slot);
          if (term.field().equals(fields.get(f))) {
            int number = fieldWords.number(term.text());
            if (number >= 0) {
              pairs[count++] = (long) number << 32 | slot;
            }
          }
        }
        Arrays.sort(pairs, 0, count);
        numbers[f] = new int[count];
        numberSlots[f] = new int[count];
        for (int i = 0; i < count; i++) {
          numbers[f][i] = (int) (pairs[i] >>> 32);
          numberSlots[f][i] = (int) pairs[i];
        }
        counts[f] = count;
      }
    }

    void read(int doc) {
      Arrays.fill(frequencies, 0);
      for (int f = 0; f < fields.size(); f++) {
        if (counts[f] > 0) {
          held[f].frequencies(doc, numbers[f], counts[f], numberSlots[f], frequencies);
          norms[f] = held[f].norm(doc);
        }
      }
    }
  }

  /** A part of the query: a clause as Lucene's weight of it would score a code. */
  private abstract static class Part {
    abstract void segment(LeafReaderContext leaf, SegmentWords words) throws IOException;

    /** The code's score, 0 when scores are not needed, or NO_MATCH. */
    abstract float score(int doc) throws IOException;
  }

  /** Builds the parts, the boost passed down as {@code Query.createWeight} passes it. */
  private static final class Compiler {
    private final IndexSearcher searcher;
    private final Found found;

    Compiler(IndexSearcher searcher, Found found) {
      this.searcher = searcher;
      this.found = found;
    }

    Part part(Query query, float boost, boolean scores) throws IOException {
      if (query instanceof BoostQuery boosted) {
        // BoostQuery.createWeight: the inner weight with this boost times the one passed down.
        return part(boosted.getQuery(), boosted.getBoost() * boost, scores);
      }
      if (query instanceof ConstantScoreQuery constant) {
        return new Constant(part(constant.getQuery(), 1f, false), scores ? boost : 0f);
      }
      if (query instanceof TermQuery term) {
        return term(term, boost, scores);
      }
      if (query instanceof DisjunctionMaxQuery dismax) {
        List<Part> parts = new ArrayList<>();
        for (Query disjunct : dismax.getDisjuncts()) {
          parts.add(part(disjunct, boost, scores));
        }
        return new Dismax(parts, dismax.getTieBreakerMultiplier());
      }
      if (query instanceof BooleanQuery bool) {
        Part part = bool(bool, boost, scores);
        if (part != null) {
          return part;
        }
      }
      if (query instanceof WordsQuery words) {
        List<Part> parts = new ArrayList<>();
        for (Query word : words.words()) {
          parts.add(part(word, boost, scores));
        }
        return new Words(parts, words.counted(), words.everyWord());
      }
      if (query instanceof TitlePhrase phrase && found.holds(phrase.field())) {
        int[] slots =
            phrase.words().stream()
                .mapToInt(word -> found.slot(new Term(phrase.field(), word)))
                .toArray();
        return new Gated(found, slots, lucene(query, boost, scores));
      }
      if (query instanceof MatchNoDocsQuery) {
        return new Nothing();
      }
      PrefixQuery prefix = scores ? null : prefixOf(query);
      if (prefix != null && found.holds(prefix.getField())) {
        return new Prefix(prefix.getField(), prefix.getPrefix().bytes());
      }
      return lucene(query, boost, scores);
    }

    // TermQuery.createWeight and TermWeight: the states given if built for this searcher, the
    // statistics through the searcher (every release's), no scorer for a word no release has.
    private Part term(TermQuery query, float boost, boolean scores) throws IOException {
      Term term = query.getTerm();
      if (!found.holds(term.field())) {
        return lucene(query, boost, scores);
      }
      IndexReaderContext top = searcher.getTopReaderContext();
      TermStates states =
          query.getTermStates() != null && query.getTermStates().wasBuiltFor(top)
              ? query.getTermStates()
              : TermStates.build(searcher, term, scores);
      SimScorer scorer = null;
      if (scores) {
        if (states.docFreq() == 0) {
          return new Nothing();
        }
        CollectionStatistics collection = searcher.collectionStatistics(term.field());
        TermStatistics statistics =
            searcher.termStatistics(term, states.docFreq(), states.totalTermFreq());
        scorer = searcher.getSimilarity().scorer(boost, collection, statistics);
      }
      return new Word(found, found.slot(term), found.field(term.field()), scorer);
    }

    // BooleanWeight and Boolean2ScorerSupplier for a complete score: required clauses (their
    // scores summed as ConjunctionScorer does) with the optional ones' sum added, or the optional
    // clauses alone. Null for what is not needed here (minimum should match, prohibited clauses).
    private @Nullable Part bool(BooleanQuery query, float boost, boolean scores)
        throws IOException {
      if (query.getMinimumNumberShouldMatch() != 0) {
        return null;
      }
      List<Part> scoring = new ArrayList<>();
      List<Part> filters = new ArrayList<>();
      List<Part> optional = new ArrayList<>();
      for (BooleanClause clause : query.clauses()) {
        switch (clause.getOccur()) {
          case MUST -> scoring.add(part(clause.getQuery(), boost, scores));
          case FILTER -> filters.add(part(clause.getQuery(), boost, false));
          case SHOULD -> optional.add(part(clause.getQuery(), boost, scores));
          default -> {
            return null;
          }
        }
      }
      if (scoring.isEmpty() && filters.isEmpty() && optional.isEmpty()) {
        return new Nothing();
      }
      if (!scores && !(scoring.isEmpty() && filters.isEmpty())) {
        optional.clear(); // as Lucene: optional clauses neither match nor score then
      }
      return new Bool(scoring, filters, optional);
    }

    private Part lucene(Query query, float boost, boolean scores) throws IOException {
      return new FromIndex(
          searcher.createWeight(
              query, scores ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES, boost),
          scores);
    }

    // A rewritten PrefixQuery is a package-private wrapper; its visitor names the prefix query.
    private static @Nullable PrefixQuery prefixOf(Query query) {
      List<Query> found = new ArrayList<>();
      boolean[] other = {false};
      query.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
              other[0] = true;
            }

            @Override
            public void consumeTermsMatching(
                Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
              found.add(leaf);
            }

            @Override
            public void visitLeaf(Query leaf) {
              other[0] = true;
            }
          });
      return !other[0] && found.size() == 1 && found.get(0) instanceof PrefixQuery prefix
          ? prefix
          : null;
    }
  }

  /** Matches no code (a word no release has). */
  private static final class Nothing extends Part {
    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) {}

    @Override
    float score(int doc) {
      return NO_MATCH;
    }
  }

  /** A word of a held field, found among the code's words. */
  private static final class Word extends Part {
    private final Found found;
    private final int slot;
    private final int field;
    private final @Nullable SimScorer scorer;

    Word(Found found, int slot, int field, @Nullable SimScorer scorer) {
      this.found = found;
      this.slot = slot;
      this.field = field;
      this.scorer = scorer;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) {}

    @Override
    float score(int doc) {
      int freq = found.frequency(slot);
      if (freq == 0) {
        return NO_MATCH;
      }
      // TermScorer: LeafSimScorer.score(doc, freq), the norm read as a long.
      return scorer == null ? 0f : scorer.score(freq, found.norm(field));
    }
  }

  /** The words of a held field that begin so, matched only (a prefix is a constant score). */
  private static final class Prefix extends Part {
    private final String field;
    private final BytesRef prefix;
    private SegmentWords.@Nullable FieldWords held;
    private int[] range = {0, 0};

    Prefix(String field, BytesRef prefix) {
      this.field = field;
      this.prefix = prefix;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) {
      held = words.field(field);
      range = held.beginning(prefix);
    }

    @Override
    float score(int doc) {
      return held.hasAny(doc, range[0], range[1]) ? 0f : NO_MATCH;
    }
  }

  /** ConstantScoreQuery: the boost for any code the inner query matches. */
  private static final class Constant extends Part {
    private final Part inner;
    private final float score;

    Constant(Part inner, float score) {
      this.inner = inner;
      this.score = score;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) throws IOException {
      inner.segment(leaf, words);
    }

    @Override
    float score(int doc) throws IOException {
      return Float.isNaN(inner.score(doc)) ? NO_MATCH : score;
    }
  }

  /** DisjunctionMaxScorer: the best score plus the tie breaker times the others' (in double). */
  private static final class Dismax extends Part {
    private final Part[] parts;
    private final float tieBreaker;

    Dismax(List<Part> parts, float tieBreaker) {
      this.parts = parts.toArray(Part[]::new);
      this.tieBreaker = tieBreaker;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) throws IOException {
      for (Part part : parts) {
        part.segment(leaf, words);
      }
    }

    @Override
    float score(int doc) throws IOException {
      boolean matched = false;
      float max = 0;
      double others = 0;
      for (Part part : parts) {
        float score = part.score(doc);
        if (Float.isNaN(score)) {
          continue;
        }
        matched = true;
        if (score >= max) {
          others += max;
          max = score;
        } else {
          others += score;
        }
      }
      return matched ? (float) (max + others * tieBreaker) : NO_MATCH;
    }
  }

  /**
   * A Boolean query without prohibited clauses: the required clauses' scores (one, or their sum in
   * double as a float) with the optional ones' (one, or their sum in double as a float) added as
   * floats; or the optional clauses alone, at least one matching.
   */
  private static final class Bool extends Part {
    private final Part[] scoring;
    private final Part[] filters;
    private final Part[] optional;

    Bool(List<Part> scoring, List<Part> filters, List<Part> optional) {
      this.scoring = scoring.toArray(Part[]::new);
      this.filters = filters.toArray(Part[]::new);
      this.optional = optional.toArray(Part[]::new);
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) throws IOException {
      for (Part part : scoring) {
        part.segment(leaf, words);
      }
      for (Part part : filters) {
        part.segment(leaf, words);
      }
      for (Part part : optional) {
        part.segment(leaf, words);
      }
    }

    @Override
    float score(int doc) throws IOException {
      for (Part filter : filters) {
        if (Float.isNaN(filter.score(doc))) {
          return NO_MATCH;
        }
      }
      boolean required = scoring.length > 0 || filters.length > 0;
      float score = 0f;
      if (scoring.length == 1) {
        score = scoring[0].score(doc);
        if (Float.isNaN(score)) {
          return NO_MATCH;
        }
      } else if (scoring.length > 1) {
        double sum = 0;
        for (Part part : scoring) {
          float each = part.score(doc);
          if (Float.isNaN(each)) {
            return NO_MATCH;
          }
          sum += each;
        }
        score = (float) sum;
      }
      float added = optional(doc);
      if (!required) {
        return added;
      }
      return Float.isNaN(added) ? score : score + added;
    }

    private float optional(int doc) throws IOException {
      if (optional.length == 1) {
        return optional[0].score(doc);
      }
      boolean matched = false;
      double sum = 0;
      for (Part part : optional) {
        float score = part.score(doc);
        if (!Float.isNaN(score)) {
          matched = true;
          sum += score;
        }
      }
      return matched ? (float) sum : NO_MATCH;
    }
  }

  /** {@link WordsQuery}'s scorer, word for word. */
  private static final class Words extends Part {
    private final Part[] words;
    private final boolean[] counted;
    private final float everyWord;
    private final float[] scores;

    Words(List<Part> words, boolean[] counted, float everyWord) {
      this.words = words.toArray(Part[]::new);
      this.counted = counted.clone();
      this.everyWord = everyWord;
      this.scores = new float[words.size()];
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords held) throws IOException {
      for (Part word : words) {
        word.segment(leaf, held);
      }
    }

    @Override
    float score(int doc) throws IOException {
      boolean matched = false;
      boolean every = true;
      for (int i = 0; i < words.length; i++) {
        scores[i] = words[i].score(doc);
        boolean has = !Float.isNaN(scores[i]);
        matched |= counted[i] && has;
        every &= has;
      }
      if (!matched) {
        return NO_MATCH;
      }
      double sum = 0;
      for (int i = 0; i < words.length; i++) {
        if (counted[i] && !Float.isNaN(scores[i])) {
          sum += scores[i];
        }
      }
      if (everyWord > 0 && every) {
        double all = 0;
        for (float score : scores) {
          all += score;
        }
        sum += everyWord * (float) all;
      }
      return (float) sum;
    }
  }

  /**
   * A phrase, matched and scored by Lucene only for a code with every one of its words in the held
   * field: most codes a narrowing lets through lack one, and need no positions read.
   */
  private static final class Gated extends Part {
    private final Found found;
    private final int[] slots;
    private final Part fromIndex;

    Gated(Found found, int[] slots, Part fromIndex) {
      this.found = found;
      this.slots = slots.clone();
      this.fromIndex = fromIndex;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords segment) throws IOException {
      fromIndex.segment(leaf, segment);
    }

    @Override
    float score(int doc) throws IOException {
      for (int slot : slots) {
        if (found.frequency(slot) == 0) {
          return NO_MATCH;
        }
      }
      return fromIndex.score(doc);
    }
  }

  /**
   * A clause scored by Lucene: its scorer for the segment, set up at the first code asked for and
   * advanced from code to code.
   */
  private static final class FromIndex extends Part {
    private final Weight weight;
    private final boolean scores;
    private @Nullable LeafReaderContext leaf;
    private @Nullable Scorer scorer;
    private @Nullable DocIdSetIterator iterator;
    private boolean started;

    FromIndex(Weight weight, boolean scores) {
      this.weight = weight;
      this.scores = scores;
    }

    @Override
    void segment(LeafReaderContext leaf, SegmentWords words) {
      this.leaf = leaf;
      this.scorer = null;
      this.iterator = null;
      this.started = false;
    }

    @Override
    float score(int doc) throws IOException {
      if (!started) {
        started = true;
        scorer = weight.scorer(leaf);
        iterator = scorer == null ? null : scorer.iterator();
      }
      if (iterator == null) {
        return NO_MATCH;
      }
      int at = iterator.docID();
      if (at < doc) {
        at = iterator.advance(doc);
      }
      if (at != doc) {
        return NO_MATCH;
      }
      return scores ? scorer.score() : 0f;
    }
  }
}
