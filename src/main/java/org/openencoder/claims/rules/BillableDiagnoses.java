package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.List;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;

/**
 * The billable codes of one ICD-10-CM code list, as numbers in an open-addressing table: whether a
 * claim's diagnosis is billable is then one read of one slot, where the code list's own map reads a
 * slot, a node, the key, its characters and the entry (each a cache miss on a claim of codes drawn
 * from seventy thousand). Anything else (a header, a code missing its 7th character, an unknown
 * code) is rare and goes to the code list for its finding.
 */
final class BillableDiagnoses {

  /** An ICD-10-CM code without its dot is at most seven characters (Guideline I.A.5). */
  private static final int MAX_LENGTH = 7;

  /** The codes' {@link #number}s (never 0), by linear probing from their hash; 0 is empty. */
  private final long[] slots;

  private final int shift;

  BillableDiagnoses(CodeCatalog catalog) {
    List<String> billable = new ArrayList<>();
    for (CodeEntry entry : catalog.entries()) {
      if (entry.billable() && number(entry.code()) != 0) {
        billable.add(entry.code());
      }
    }
    // At most two thirds full: a probe nearly always ends in the cache line it starts in.
    int capacity = Integer.highestOneBit(Math.max(16, billable.size() * 3 / 2) * 2 - 1);
    this.slots = new long[capacity];
    this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
    for (String code : billable) {
      long key = number(code);
      int slot = slot(key);
      while (slots[slot] != 0 && slots[slot] != key) {
        slot = (slot + 1) & (capacity - 1);
      }
      slots[slot] = key;
    }
  }

  /** Whether a normalized code is a billable code of the list. */
  boolean contains(String code) {
    long key = number(code);
    if (key == 0) {
      return false;
    }
    int mask = slots.length - 1;
    for (int slot = slot(key); slots[slot] != 0; slot = (slot + 1) & mask) {
      if (slots[slot] == key) {
        return true;
      }
    }
    return false;
  }

  /** The bytes of the table, for the report. */
  long arrayBytes() {
    return 8L * slots.length;
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /**
   * A normalized code of up to seven characters [0-9A-Z] as a number: each character a digit of
   * base 37 from 1 to 36, so that codes of different lengths differ; 0 for any other text.
   */
  static long number(String code) {
    int length = code.length();
    if (length == 0 || length > MAX_LENGTH) {
      return 0;
    }
    long number = 0;
    for (int i = 0; i < length; i++) {
      char c = code.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0' + 1;
      } else if (c >= 'A' && c <= 'Z') {
        digit = c - 'A' + 11;
      } else {
        return 0;
      }
      number = number * 37 + digit;
    }
    return number;
  }
}
