package org.openencoder.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.ExactPhraseMatcher;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseMatcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PhraseQuery.PostingsAndFreq;
import org.apache.lucene.search.PhraseWeight;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SloppyPhraseMatcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;

/**
 * A reading's words near one another and in order in one field, within {@code slop} moves: it
 * matches and scores as {@code new PhraseQuery(slop, field, words...)} does, float for float, but
 * takes each word's place in the terms dictionary from the view's cache (see {@link
 * CodeIndex.View#states}). A PhraseQuery looks every word up again in every release's terms
 * dictionary each time it is searched: a twelfth of a slow search.
 *
 * <p>The weight is Lucene 9.12's PhraseQuery weight with the term states given: statistics of the
 * words any release has (through the searcher, which gives every release's), then per segment one
 * terms enumeration positioned from each word's state, the exact matcher for a slop of 0 and the
 * sloppy one otherwise.
 */
final class TitlePhrase extends Query {

  private final int slop;
  private final String field;
  private final Term[] terms;
  private final TermStates[] states;

  /**
   * @param states each word's term states, as built for the searcher that will search the phrase
   *     (states built for another reader are built again, as PhraseQuery would)
   */
  TitlePhrase(int slop, String field, List<String> words, Function<Term, TermStates> states) {
    if (slop < 0) {
      throw new IllegalArgumentException("slop must be >= 0, not " + slop);
    }
    this.slop = slop;
    this.field = field;
    this.terms = words.stream().map(word -> new Term(field, word)).toArray(Term[]::new);
    this.states = Arrays.stream(terms).map(states).toArray(TermStates[]::new);
  }

  String field() {
    return field;
  }

  /** The phrase's words, in order. */
  List<String> words() {
    return Arrays.stream(terms).map(Term::text).toList();
  }

  // As PhraseQuery: no word matches nothing, and one word is a term query (its states kept).
  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (terms.length == 0) {
      return new MatchNoDocsQuery("empty phrase");
    }
    if (terms.length == 1) {
      return new TermQuery(terms[0], states[0]);
    }
    return super.rewrite(searcher);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    if (terms.length < 2) {
      throw new IllegalStateException("a phrase of fewer than 2 words: rewrite it first");
    }
    IndexReaderContext top = searcher.getTopReaderContext();
    TermStates[] built = new TermStates[terms.length];
    for (int i = 0; i < terms.length; i++) {
      built[i] =
          states[i].wasBuiltFor(top)
              ? states[i]
              : TermStates.build(searcher, terms[i], scoreMode.needsScores());
    }
    // PhraseWeight's constructor asks for the statistics, before a subclass's own fields are set:
    // they come from the states captured here.
    return new PhraseWeight(this, field, searcher, scoreMode) {
      @Override
      protected SimScorer getStats(IndexSearcher searcher) throws IOException {
        if (!scoreMode.needsScores()) {
          return null;
        }
        // A word no release has leaves the statistics, as in PhraseQuery.
        TermStatistics[] statistics = new TermStatistics[terms.length];
        int known = 0;
        for (int i = 0; i < terms.length; i++) {
          if (built[i].docFreq() > 0) {
            statistics[known++] =
                searcher.termStatistics(terms[i], built[i].docFreq(), built[i].totalTermFreq());
          }
        }
        if (known == 0) {
          return null;
        }
        return searcher
            .getSimilarity()
            .scorer(boost, searcher.collectionStatistics(field), Arrays.copyOf(statistics, known));
      }

      @Override
      protected PhraseMatcher getPhraseMatcher(
          LeafReaderContext leaf, SimScorer scorer, boolean exposeOffsets) throws IOException {
        Terms fieldTerms = leaf.reader().terms(field);
        if (fieldTerms == null) {
          return null;
        }
        if (!fieldTerms.hasPositions()) {
          throw new IllegalStateException(
              "field \"" + field + "\" was indexed without positions; cannot run " + getQuery());
        }
        TermsEnum each = fieldTerms.iterator();
        int flags = exposeOffsets ? PostingsEnum.OFFSETS : PostingsEnum.POSITIONS;
        PostingsAndFreq[] postings = new PostingsAndFreq[terms.length];
        float matchCost = 0;
        for (int i = 0; i < terms.length; i++) {
          TermState state = built[i].get(leaf);
          if (state == null) {
            return null; // a word this segment does not have
          }
          each.seekExact(terms[i].bytes(), state);
          PostingsEnum positions;
          ImpactsEnum impacts;
          if (scoreMode == ScoreMode.TOP_SCORES) {
            positions = impacts = each.impacts(flags);
          } else {
            positions = each.postings(null, flags);
            impacts = new SlowImpactsEnum(positions);
          }
          postings[i] = new PostingsAndFreq(positions, impacts, i, terms[i]);
          matchCost += PhraseQuery.termPositionsCost(each);
        }
        if (slop == 0) {
          Arrays.sort(postings); // in PhraseQuery's order (a stable sort, as its tim sort)
          return new ExactPhraseMatcher(postings, scoreMode, scorer, matchCost);
        }
        return new SloppyPhraseMatcher(postings, slop, scoreMode, scorer, matchCost, exposeOffsets);
      }
    };
  }

  // As PhraseQuery, so that a search's clauses are counted as before.
  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.getSubVisitor(Occur.MUST, this).consumeTerms(this, terms);
    }
  }

  @Override
  public String toString(String defaultField) {
    StringBuilder text = new StringBuilder();
    if (!field.equals(defaultField)) {
      text.append(field).append(':');
    }
    text.append('"');
    for (int i = 0; i < terms.length; i++) {
      text.append(i == 0 ? "" : " ").append(terms[i].text());
    }
    text.append('"');
    return slop == 0 ? text.toString() : text.append('~').append(slop).toString();
  }

  // The states are where the words are found, not which words: two phrases of the same words are
  // the same query.
  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && slop == ((TitlePhrase) other).slop
        && Arrays.equals(terms, ((TitlePhrase) other).terms);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + slop) + Arrays.hashCode(terms);
  }
}
