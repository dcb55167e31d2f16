package org.openencoder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * The codes a search scores, before any is scored: a search of many words would otherwise score
 * every code with any one of them. Tiers, strictest first, each ask every reading of the query for
 * a number of its words (all of them, all but one, ...); a tier lets through the codes with that
 * many words of some reading, and the codes of the whole matches (code, whole title, whole term).
 * The first tier that lets through {@code enough} codes answers, else the last if it lets through
 * {@code few}, else the fallback (any one word, each on its own, with the codes of the last tier).
 *
 * <p>Each reading lets through, in each release, only the first {@link CodeIndex#LET_THROUGH} codes
 * of a tier by static rank (see {@link CodeIndex#RANK}): the codes a coder falls back on, and those
 * the ranking puts first among codes with the same words. So a tier of many codes ("low back pain"
 * less one word: 6,414) stops after the first few dozen of each release.
 *
 * <p>All tiers of a reading are counted in one walk of its words' posting lists: a code with at
 * least the loosest open tier's number of words has one of that many of the rarest words, which
 * lead the walk (a leapfrog, as Lucene's minimum-should-match does); each code found counts for
 * every tier it has the words of. A tier that is full answers, so looser tiers stop there. Before,
 * each tier was its own Boolean query, walked in turn: "type 2 diabetes with diabetic chronic
 * kidney disease" walked its words four times.
 */
final class Narrowing {

  static final Narrowing NONE = new Narrowing(List.of(), List.of(), List.of(), List.of());

  private final List<List<Query>> readings;
  private final List<int[]> tiers;
  private final List<Query> whole;
  private final List<Query> fallback;

  /**
   * @param readings each reading's counted words, a query each
   * @param tiers strictest first: the number of words each reading must have, in readings' order
   * @param whole what a code may match besides the words, let through by every tier
   * @param fallback the clauses each letting through codes of their own when no tier answers
   */
  Narrowing(
      List<List<Query>> readings, List<int[]> tiers, List<Query> whole, List<Query> fallback) {
    for (int[] tier : tiers) {
      if (tier.length != readings.size()) {
        throw new IllegalArgumentException("a number of words for each reading in each tier");
      }
    }
    this.readings = List.copyOf(readings);
    this.tiers = tiers.stream().map(int[]::clone).toList();
    this.whole = List.copyOf(whole);
    this.fallback = List.copyOf(fallback);
  }

  /**
   * The codes to score, by index order, within {@code filter} (null: every code); null when neither
   * a tier nor the fallback answers, and the query alone must be searched.
   */
  int @Nullable [] candidates(IndexSearcher searcher, @Nullable Query filter, int enough, int few)
      throws IOException {
    return candidates(searcher, filter, enough, few, null);
  }

  /**
   * As {@link #candidates(IndexSearcher, Query, int, int)}, a word of {@link CodeIndex#WORD}
   * leapfrogged over its codes as each segment holds them ({@code held}; null, or null for a
   * segment not held yet: through the index's posting lists).
   */
  int @Nullable [] candidates(
      IndexSearcher searcher,
      @Nullable Query filter,
      int enough,
      int few,
      @Nullable Function<LeafReaderContext, @Nullable SegmentPostings> held)
      throws IOException {
    // A full tier (LET_THROUGH codes of one reading in one release) must answer for the looser
    // tiers to be left uncounted.
    if (!tiers.isEmpty() && enough > CodeIndex.LET_THROUGH) {
      throw new IllegalArgumentException(
          "enough is " + enough + ", above the " + CodeIndex.LET_THROUGH + " codes a tier holds");
    }
    // The codes of the stricter tier tried before, too few to answer: each looser one holds them,
    // but may have stopped before reaching them.
    int[] stricter = new int[0];
    if (!tiers.isEmpty()) {
      Tiers counted = counted(searcher, filter, held);
      int[] wholeDocs = letThrough(searcher, whole, filter);
      for (int t = 0; t <= counted.last; t++) {
        int[] let = union(sortedUnique(counted.docs[t]), wholeDocs);
        boolean last = t == tiers.size() - 1;
        if (let.length >= enough || (last && let.length >= few)) {
          return union(stricter, let);
        }
        stricter = let;
      }
    }
    if (fallback.isEmpty()) {
      return null;
    }
    try {
      return union(stricter, letThrough(searcher, fallback, filter));
    } catch (IndexSearcher.TooManyClauses e) {
      return null; // a query of many words with many readings: the query alone still fits
    }
  }

  /** Each tier's codes, by reading and release, up to the last tier that may answer. */
  private static final class Tiers {
    final Docs[] docs;
    int last;

    Tiers(int count) {
      docs = new Docs[count];
      for (int t = 0; t < count; t++) {
        docs[t] = new Docs();
      }
      last = count - 1;
    }
  }

  private Tiers counted(
      IndexSearcher searcher,
      @Nullable Query filter,
      @Nullable Function<LeafReaderContext, @Nullable SegmentPostings> held)
      throws IOException {
    Tiers counted = new Tiers(tiers.size());
    Map<Query, Weight> weights = new HashMap<>();
    Weight filterWeight = filter == null ? null : weight(searcher, filter);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SegmentPostings postings = held == null ? null : held.apply(leaf);
      for (int r = 0; r < readings.size(); r++) {
        List<Query> words = readings.get(r);
        List<Cursor> present = new ArrayList<>(words.size());
        for (Query word : words) {
          if (postings != null
              && word instanceof TermQuery term
              && term.getTerm().field().equals(CodeIndex.WORD)) {
            int[] docs = postings.docs(term.getTerm().text());
            if (docs.length > 0) {
              present.add(new Cursor(docs, null));
            }
            continue;
          }
          Weight weight = weights.get(word);
          if (weight == null) {
            weight = weight(searcher, word);
            weights.put(word, weight);
          }
          DocIdSetIterator it = iterator(weight, leaf);
          if (it != null) {
            present.add(new Cursor(null, it));
          }
        }
        if (present.isEmpty()) {
          continue;
        }
        DocIdSetIterator within = null;
        if (filterWeight != null) {
          within = iterator(filterWeight, leaf);
          if (within == null) {
            continue;
          }
        }
        walk(present, within, r, leaf.docBase, counted);
      }
    }
    return counted;
  }

  /**
   * One reading's codes in one release for every tier still open, in index order. The rarest words
   * lead: a code with at least {@code m} of the {@code n} words has one of the {@code n - m + 1}
   * rarest, so only their codes are candidates, and the other words are advanced to each.
   */
  private void walk(
      List<Cursor> present,
      @Nullable DocIdSetIterator within,
      int reading,
      int docBase,
      Tiers counted)
      throws IOException {
    Cursor[] its = present.toArray(Cursor[]::new);
    Arrays.sort(its, (a, b) -> Long.compare(a.cost(), b.cost()));
    int[] inLeaf = new int[tiers.size()];
    int target = 0;
    int loosest = loosest(inLeaf, reading, counted.last);
    while (true) {
      int leads = its.length - loosest + 1;
      if (loosest == Integer.MAX_VALUE || leads <= 0) {
        return;
      }
      int doc = DocIdSetIterator.NO_MORE_DOCS;
      for (int i = 0; i < leads; i++) {
        int at = its[i].docID();
        if (at < target) {
          // On the code before (most often): the next code is a step, not a skip.
          at = at == target - 1 ? its[i].nextDoc() : its[i].advance(target);
        }
        doc = Math.min(doc, at);
      }
      if (doc == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
      target = doc + 1;
      int words = 0;
      for (int i = 0; i < leads; i++) {
        words += its[i].docID() == doc ? 1 : 0;
      }
      // The other words, rarest first, until the code has too few left to reach the loosest tier.
      for (int i = leads; i < its.length && words + its.length - i >= loosest; i++) {
        int at = its[i].docID();
        if (at < doc) {
          at = its[i].advance(doc);
        }
        if (at == doc) {
          words++;
        }
      }
      if (words < loosest) {
        continue;
      }
      if (within != null) {
        int in = within.docID();
        if (in < doc) {
          in = within.advance(doc);
        }
        if (in != doc) {
          continue;
        }
      }
      boolean closed = false;
      for (int t = 0; t <= counted.last; t++) {
        if (inLeaf[t] < CodeIndex.LET_THROUGH && tiers.get(t)[reading] <= words) {
          counted.docs[t].add(docBase + doc);
          if (++inLeaf[t] == CodeIndex.LET_THROUGH) {
            // This tier answers if none before it does: the looser ones are never asked.
            counted.last = Math.min(counted.last, t);
            closed = true;
          }
        }
      }
      if (closed) {
        loosest = loosest(inLeaf, reading, counted.last);
      }
    }
  }

  /**
   * A word's codes in a segment: an array the segment holds, stepped through and galloped over, or
   * the index's iterator. One class, so that the walk's calls stay direct.
   */
  private static final class Cursor {
    private final int @Nullable [] docs;
    private final @Nullable DocIdSetIterator iterator;
    private int at = -1;
    private int doc = -1;

    Cursor(int @Nullable [] docs, @Nullable DocIdSetIterator iterator) {
      this.docs = docs;
      this.iterator = iterator;
    }

    long cost() {
      return docs != null ? docs.length : iterator.cost();
    }

    int docID() {
      return docs != null ? doc : iterator.docID();
    }

    int nextDoc() throws IOException {
      if (docs == null) {
        return iterator.nextDoc();
      }
      at++;
      doc = at < docs.length ? docs[at] : DocIdSetIterator.NO_MORE_DOCS;
      return doc;
    }

    // The first code at or after target: steps doubling from here, then a binary search.
    int advance(int target) throws IOException {
      if (docs == null) {
        return iterator.advance(target);
      }
      int low = at + 1;
      int step = 1;
      int high = low;
      while (high < docs.length && docs[high] < target) {
        low = high + 1;
        high += step;
        step <<= 1;
      }
      high = Math.min(high, docs.length - 1);
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (docs[middle] < target) {
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      at = low;
      doc = at < docs.length ? docs[at] : DocIdSetIterator.NO_MORE_DOCS;
      return doc;
    }
  }

  /** The number of the reading's words the loosest tier still open asks for. */
  private int loosest(int[] inLeaf, int reading, int last) {
    int loosest = Integer.MAX_VALUE;
    for (int t = 0; t <= last; t++) {
      if (inLeaf[t] < CodeIndex.LET_THROUGH) {
        loosest = Math.min(loosest, tiers.get(t)[reading]);
      }
    }
    return loosest;
  }

  private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
    return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  private static @Nullable DocIdSetIterator iterator(Weight weight, LeafReaderContext leaf)
      throws IOException {
    Scorer scorer = weight.scorer(leaf);
    return scorer == null ? null : scorer.iterator();
  }

  /**
   * The codes, by index order, that some clauses and the filter let through: those of any clause,
   * and of each clause in each release the first {@link CodeIndex#LET_THROUGH} by static rank. Each
   * clause is cut on its own, so that a rare word's few codes ("morbid") are not cut off by a
   * common word's many ("obesity").
   */
  private static int[] letThrough(
      IndexSearcher searcher, List<Query> clauses, @Nullable Query filter) throws IOException {
    Docs docs = new Docs();
    for (Query clause : clauses) {
      Weight weight = weight(searcher, CodeIndex.within(clause, Occur.FILTER, filter));
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        DocIdSetIterator it = iterator(weight, leaf);
        if (it == null) {
          continue;
        }
        int inLeaf = 0;
        for (int doc = it.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS && inLeaf < CodeIndex.LET_THROUGH;
            doc = it.nextDoc(), inLeaf++) {
          docs.add(leaf.docBase + doc);
        }
      }
    }
    return sortedUnique(docs);
  }

  /** A growing list of documents. */
  private static final class Docs {
    int[] docs = new int[16];
    int size;

    void add(int doc) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
      }
      docs[size++] = doc;
    }
  }

  // In index order, each code once: a code may have the words of several readings.
  private static int[] sortedUnique(Docs list) {
    int[] docs = Arrays.copyOf(list.docs, list.size);
    Arrays.sort(docs);
    int unique = 0;
    for (int i = 0; i < docs.length; i++) {
      if (unique == 0 || docs[unique - 1] != docs[i]) {
        docs[unique++] = docs[i];
      }
    }
    return Arrays.copyOf(docs, unique);
  }

  /** Two sets of codes in index order, as one. */
  static int[] union(int[] some, int[] others) {
    int[] all = new int[some.length + others.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < some.length || j < others.length) {
      int next =
          j == others.length || (i < some.length && some[i] <= others[j]) ? some[i] : others[j];
      if (i < some.length && some[i] == next) {
        i++;
      }
      if (j < others.length && others[j] == next) {
        j++;
      }
      all[n++] = next;
    }
    return Arrays.copyOf(all, n);
  }
}
