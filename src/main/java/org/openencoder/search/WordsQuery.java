package org.openencoder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * A reading's words, each a query over the fields it is sought in: a code matches with any counted
 * word and scores the sum of its words' scores, and {@code everyWord} times the sum of all the
 * words' scores again when it has every word.
 *
 * <p>It scores what a Boolean query of the counted words (SHOULD, the whole as MUST) plus a boosted
 * Boolean query of every word (each MUST) scored, with each word's postings walked once: there,
 * every word's three field queries were walked twice per reading, and a search's cost per code
 * scored is a step of every clause's postings.
 */
final class WordsQuery extends Query {

  private final List<Query> words;
  private final boolean[] counted;
  private final float everyWord;

  /**
   * @param words each word's query
   * @param counted which words a code may match by alone (the others count only with every word)
   * @param everyWord the weight of the sum again for a code with every word; 0 for none
   */
  WordsQuery(List<Query> words, boolean[] counted, float everyWord) {
    if (words.size() != counted.length) {
      throw new IllegalArgumentException("a counted flag for each word");
    }
    this.words = List.copyOf(words);
    this.counted = counted.clone();
    this.everyWord = everyWord;
  }

  List<Query> words() {
    return words;
  }

  boolean[] counted() {
    return counted.clone();
  }

  float everyWord() {
    return everyWord;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    List<Query> rewritten = new ArrayList<>(words.size());
    boolean changed = false;
    for (Query word : words) {
      Query r = word.rewrite(searcher);
      changed |= r != word;
      rewritten.add(r);
    }
    return changed ? new WordsQuery(rewritten, counted, everyWord) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight[] weights = new Weight[words.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = searcher.createWeight(words.get(i), scoreMode, boost);
    }
    return new Weight(this) {
      @Override
      public Scorer scorer(LeafReaderContext leaf) throws IOException {
        Scorer[] scorers = new Scorer[weights.length];
        boolean any = false;
        boolean every = everyWord > 0;
        for (int i = 0; i < weights.length; i++) {
          scorers[i] = weights[i].scorer(leaf);
          any |= counted[i] && scorers[i] != null;
          every &= scorers[i] != null;
        }
        return any ? new WordsScorer(this, scorers, counted, every ? everyWord : 0) : null;
      }

      @Override
      public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
        Scorer scorer = scorer(leaf);
        if (scorer != null && scorer.iterator().advance(doc) == doc) {
          return Explanation.match(
              scorer.score(), "sum of the words' scores, again with every word");
        }
        return Explanation.noMatch("no counted word");
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false;
      }
    };
  }

  private static final class WordsScorer extends Scorer {
    private final Scorer[] scorers;
    private final DocIdSetIterator[] iterators;
    private final boolean[] counted;
    private final float everyWord;
    private float maxScore = -1;
    private final DocIdSetIterator union;
    private int doc = -1;

    WordsScorer(Weight weight, Scorer[] scorers, boolean[] counted, float everyWord)
        throws IOException {
      super(weight);
      this.scorers = scorers;
      this.counted = counted;
      this.everyWord = everyWord;
      this.iterators = new DocIdSetIterator[scorers.length];
      long cost = 0;
      for (int i = 0; i < scorers.length; i++) {
        if (scorers[i] != null) {
          iterators[i] = scorers[i].iterator();
          if (counted[i]) {
            cost += iterators[i].cost();
          }
        }
      }
      long unionCost = cost;
      this.union =
          new DocIdSetIterator() {
            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              return advance(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
              int next = NO_MORE_DOCS;
              for (int i = 0; i < iterators.length; i++) {
                if (iterators[i] != null && counted[i]) {
                  int at = iterators[i].docID();
                  if (at < target) {
                    at = iterators[i].advance(target);
                  }
                  next = Math.min(next, at);
                }
              }
              doc = next;
              return doc;
            }

            @Override
            public long cost() {
              return unionCost;
            }
          };
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return union;
    }

    // One bound for the whole segment, asked for only by a top-score search (a word's scorer may
    // not support it otherwise); a little above the sum, against rounding.
    @Override
    public float getMaxScore(int upTo) throws IOException {
      if (maxScore < 0) {
        double max = 0;
        double all = 0;
        for (int i = 0; i < scorers.length; i++) {
          if (scorers[i] != null) {
            float wordMax = scorers[i].getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
            all += wordMax;
            max += counted[i] ? wordMax : 0;
          }
        }
        maxScore = (float) ((max + everyWord * all) * 1.0001);
      }
      return maxScore;
    }

    @Override
    public float score() throws IOException {
      double sum = 0;
      for (int i = 0; i < scorers.length; i++) {
        if (counted[i] && iterators[i] != null && iterators[i].docID() == doc) {
          sum += scorers[i].score();
        }
      }
      if (everyWord > 0) {
        double all = 0;
        for (int i = 0; i < scorers.length; i++) {
          int at = iterators[i].docID();
          if (at < doc) {
            at = iterators[i].advance(doc);
          }
          if (at != doc) {
            return (float) sum;
          }
          all += scorers[i].score();
        }
        sum += everyWord * (float) all;
      }
      return (float) sum;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor each = visitor.getSubVisitor(Occur.SHOULD, this);
    for (Query word : words) {
      word.visit(each);
    }
  }

  @Override
  public String toString(String field) {
    return "words("
        + words
        + ", counted "
        + Arrays.toString(counted)
        + ", every "
        + everyWord
        + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && words.equals(((WordsQuery) other).words)
        && Arrays.equals(counted, ((WordsQuery) other).counted)
        && everyWord == ((WordsQuery) other).everyWord;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), words, Arrays.hashCode(counted), everyWord);
  }
}
