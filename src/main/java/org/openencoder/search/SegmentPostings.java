package org.openencoder.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Each word's codes in one field of one release's index, held in memory as arrays of documents: a
 * narrowing leapfrogs a long query's words over them (see {@link Narrowing}). Through the index,
 * each word of each reading set up a posting list per release, and each step decoded a block of it:
 * a third of the slowest search.
 */
final class SegmentPostings {

  private static final int[] NONE = new int[0];

  private final Map<String, int[]> docs;

  private SegmentPostings(Map<String, int[]> docs) {
    this.docs = docs;
  }

  /** The codes of every word of a field in one segment (none when the segment lacks the field). */
  static SegmentPostings read(LeafReader leaf, String field) throws IOException {
    Map<String, int[]> docs = new HashMap<>();
    Terms terms = leaf.terms(field);
    if (terms != null) {
      TermsEnum each = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term = each.next(); term != null; term = each.next()) {
        int[] codes = new int[each.docFreq()];
        postings = each.postings(postings, PostingsEnum.NONE);
        int n = 0;
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          codes[n++] = doc;
        }
        // Deleted codes would leave the count short; the index is written once, without deletes.
        if (n != codes.length) {
          throw new IllegalStateException("a word of " + field + " with deleted codes: " + leaf);
        }
        docs.put(term.utf8ToString(), codes);
      }
    }
    return new SegmentPostings(Map.copyOf(docs));
  }

  /** A word's codes, ascending; empty when no code has it. */
  int[] docs(String word) {
    int[] codes = docs.get(word);
    return codes == null ? NONE : codes;
  }

  /** The number of codes held over every word, for the log. */
  long size() {
    return docs.values().stream().mapToLong(codes -> codes.length).sum();
  }
}
