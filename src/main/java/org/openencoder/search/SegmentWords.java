package org.openencoder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Each code's words in some fields of one release's index, held in memory by document: the words,
 * how often each occurs, and each field's length norm, as the index holds them. A search scores the
 * codes a narrowing lets through from these (see {@link CandidateScoring}): through the index,
 * every word of every field of every reading opened a posting list per release and decoded blocks
 * of it to reach those codes, half of a slow search.
 *
 * <p>A field's words are numbered in the order of the segment's terms dictionary, so the words that
 * begin alike ("pneum") are a range of numbers. A code's record holds every held field: its norms,
 * where each field's words end, then the words, by field and by number. One record is a line or two
 * of memory, so a code costs a cache miss or two, not one per field and array.
 */
final class SegmentWords {

  // A record: the norms (a byte a field), the fields' ends (a 16-bit offset a field, two an int),
  // then the entries, number << FREQ_BITS | frequency. A frequency that does not fit is FREQ_MASK
  // there and kept in {@code rareFrequencies}.
  private static final int MAX_FIELDS = 4;
  private static final int HEADER = 3;
  private static final int FREQ_BITS = 8;
  private static final int FREQ_MASK = (1 << FREQ_BITS) - 1;
  private static final int MAX_WORDS = 1 << (Integer.SIZE - 1 - FREQ_BITS);
  private static final int MAX_ENTRIES = 0xFFFF;

  private final Map<String, FieldWords> fields;
  private final int[] starts;
  private final int[] records;
  private final Map<Long, Integer> rareFrequencies;

  private SegmentWords(
      List<String> names,
      List<Map<String, Integer>> numbers,
      List<BytesRef[]> terms,
      boolean[] hasNorms,
      int[] starts,
      int[] records,
      Map<Long, Integer> rareFrequencies) {
    Map<String, FieldWords> byName = new HashMap<>();
    for (int f = 0; f < names.size(); f++) {
      byName.put(names.get(f), new FieldWords(f, numbers.get(f), terms.get(f), hasNorms[f]));
    }
    this.fields = Map.copyOf(byName);
    this.starts = starts;
    this.records = records;
    this.rareFrequencies = rareFrequencies;
  }

  /** The words of {@code fields} in one segment; a field the segment lacks is held empty. */
  static SegmentWords read(LeafReader leaf, List<String> fields) throws IOException {
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("at most " + MAX_FIELDS + " fields: " + fields);
    }
    int maxDoc = leaf.maxDoc();
    long total = 0;
    for (String field : fields) {
      Terms terms = leaf.terms(field);
      total += terms == null ? 0 : terms.getSumDocFreq();
    }
    if (total > Integer.MAX_VALUE - (long) HEADER * (maxDoc + 1)) {
      throw new IllegalStateException("too many words to hold in " + leaf + ": " + total);
    }
    // Postings come field by field and word by word; each code's entries are then gathered by a
    // counting sort by document, stable, so that they stay by field and by number.
    int[] docs = new int[(int) total];
    int[] entries = new int[(int) total];
    int[][] perField = new int[fields.size()][maxDoc];
    List<Map<String, Integer>> numbers = new ArrayList<>();
    List<BytesRef[]> dictionaries = new ArrayList<>();
    Map<Long, Integer> rare = new HashMap<>();
    int n = 0;
    PostingsEnum docsOf = null;
    for (int f = 0; f < fields.size(); f++) {
      Terms fieldTerms = leaf.terms(fields.get(f));
      Map<String, Integer> fieldNumbers = new HashMap<>();
      BytesRef[] dictionary = new BytesRef[0];
      if (fieldTerms != null) {
        if (fieldTerms.size() >= MAX_WORDS) {
          throw new IllegalStateException("too many words in " + fields.get(f) + " of " + leaf);
        }
        dictionary = new BytesRef[(int) fieldTerms.size()];
        TermsEnum each = fieldTerms.iterator();
        int number = 0;
        for (BytesRef term = each.next(); term != null; term = each.next(), number++) {
          dictionary[number] = BytesRef.deepCopyOf(term);
          fieldNumbers.put(term.utf8ToString(), number);
          docsOf = each.postings(docsOf, PostingsEnum.FREQS);
          for (int doc = docsOf.nextDoc();
              doc != DocIdSetIterator.NO_MORE_DOCS;
              doc = docsOf.nextDoc()) {
            int freq = docsOf.freq();
            if (freq >= FREQ_MASK) {
              rare.put(key(doc, f, number), freq);
              freq = FREQ_MASK;
            }
            docs[n] = doc;
            entries[n] = number << FREQ_BITS | freq;
            perField[f][doc]++;
            n++;
          }
        }
      }
      numbers.add(Map.copyOf(fieldNumbers));
      dictionaries.add(dictionary);
    }
    int[] starts = new int[maxDoc + 1];
    for (int doc = 0; doc < maxDoc; doc++) {
      int size = 0;
      for (int[] counts : perField) {
        size += counts[doc];
      }
      if (size > MAX_ENTRIES) {
        throw new IllegalStateException("a code with " + size + " words in " + leaf);
      }
      starts[doc + 1] = starts[doc] + HEADER + size;
    }
    int[] records = new int[starts[maxDoc]];
    int[] next = new int[maxDoc];
    boolean[] hasNorms = new boolean[fields.size()];
    for (int f = 0; f < fields.size(); f++) {
      hasNorms[f] = norms(leaf, fields.get(f), f, starts, records);
    }
    for (int doc = 0; doc < maxDoc; doc++) {
      int end = 0;
      for (int f = 0; f < fields.size(); f++) {
        end += perField[f][doc];
        records[starts[doc] + 1 + f / 2] |= end << (16 * (f % 2));
      }
      next[doc] = starts[doc] + HEADER;
    }
    for (int i = 0; i < n; i++) {
      records[next[docs[i]]++] = entries[i];
    }
    return new SegmentWords(fields, numbers, dictionaries, hasNorms, starts, records, rare);
  }

  // BM25's length norms are bytes (SmallFloat.intToByte4); LeafSimScorer reads them as longs.
  private static boolean norms(LeafReader leaf, String field, int f, int[] starts, int[] records)
      throws IOException {
    NumericDocValues values = leaf.getNormValues(field);
    if (values == null) {
      return false;
    }
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      long norm = values.longValue();
      if (norm != (byte) norm) {
        throw new IllegalStateException("a norm that is no byte in " + field + ": " + norm);
      }
      records[starts[doc]] |= (int) (norm & 0xFF) << (8 * f);
    }
    return true;
  }

  private static long key(int doc, int field, int number) {
    return (long) doc << 32 | (long) field << 28 | number;
  }

  /** The words of a field; a field not read is a defect of the caller. */
  FieldWords field(String field) {
    FieldWords words = fields.get(field);
    if (words == null) {
      throw new IllegalArgumentException("the words of " + field + " are not held");
    }
    return words;
  }

  /** The number of words held over every code and field, for the log. */
  long size() {
    return records.length - (long) HEADER * (starts.length - 1);
  }

  /** One field's words of each code of the segment. */
  final class FieldWords {
    private final int field;
    private final Map<String, Integer> numbers;
    private final BytesRef[] terms;
    private final boolean hasNorms;

    private FieldWords(int field, Map<String, Integer> numbers, BytesRef[] terms, boolean norms) {
      this.field = field;
      this.numbers = numbers;
      this.terms = terms;
      this.hasNorms = norms;
    }

    /** A word's number in this segment, or -1 when no code of it has the word in this field. */
    int number(String word) {
      Integer number = numbers.get(word);
      return number == null ? -1 : number;
    }

    /**
     * The numbers of the words that begin with {@code prefix}, from the first to one past the last
     * (equal when none does).
     */
    int[] beginning(BytesRef prefix) {
      int low = 0;
      int high = terms.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (terms[middle].compareTo(prefix) < 0) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      int end = low;
      while (end < terms.length && StringHelper.startsWith(terms[end], prefix)) {
        end++;
      }
      return new int[] {low, end};
    }

    /**
     * How often a code has each of some words of this field, in one walk of its words: the
     * frequency of {@code numbers[i]} (ascending, the first {@code count}) is put in {@code
     * frequencies[slots[i]]}, which is left alone for a word the code lacks.
     */
    void frequencies(int doc, int[] numbers, int count, int[] slots, int[] frequencies) {
      int at = begin(doc);
      int end = end(doc);
      int i = 0;
      while (i < count && at < end) {
        int word = records[at] >>> FREQ_BITS;
        if (word < numbers[i]) {
          at++;
        } else if (word > numbers[i]) {
          i++;
        } else {
          int freq = records[at] & FREQ_MASK;
          frequencies[slots[i]] =
              freq == FREQ_MASK ? rareFrequencies.get(key(doc, field, word)) : freq;
          at++;
          i++;
        }
      }
    }

    /** Whether a code has any of the words numbered from {@code from} to before {@code to}. */
    boolean hasAny(int doc, int from, int to) {
      if (from >= to) {
        return false;
      }
      int at = find(doc, from);
      if (at >= 0) {
        return true;
      }
      int insertion = -at - 1;
      return insertion < end(doc) && records[insertion] >>> FREQ_BITS < to;
    }

    /** The code's length norm in this field, as LeafSimScorer reads it (1 for a field without). */
    long norm(int doc) {
      return hasNorms ? (byte) (records[starts[doc]] >>> (8 * field)) : 1L;
    }

    private int begin(int doc) {
      return field == 0 ? starts[doc] + HEADER : end(doc, field - 1);
    }

    private int end(int doc) {
      return end(doc, field);
    }

    private int end(int doc, int f) {
      return starts[doc] + HEADER + (records[starts[doc] + 1 + f / 2] >>> (16 * (f % 2)) & 0xFFFF);
    }

    // Binary search of the code's entries in this field by word number: the index of the entry,
    // or -(insertion point) - 1.
    private int find(int doc, int number) {
      int low = begin(doc);
      int high = end(doc) - 1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        int at = records[middle] >>> FREQ_BITS;
        if (at < number) {
          low = middle + 1;
        } else if (at > number) {
          high = middle - 1;
        } else {
          return middle;
        }
      }
      return -(low + 1);
    }
  }
}
