package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/**
 * The PTP edits of one release of one setting, held in memory in a compact form: a claim check
 * looks up every ordered pair of its codes, so a lookup must cost a few array reads, not a query.
 *
 * <p>Codes are numbered in code order; the rows are sorted by column 1, then column 2, and kept as
 * parallel primitive arrays (14 bytes a row, 18 with effective dates), with the first row of every
 * column 1 code in {@code firstRow} and every pair's key in a hash table ({@code pairSlots}, about
 * 7 bytes a pair). A pair may have several rows, one per period it was in force (the CMS files keep
 * the old rows beside the new); the one in force on the date answers.
 */
public final class PtpTable {

  /** In {@link #pairOrders}: the first code is column 1 of an edit of the two. */
  public static final int FORWARD = 1;

  /** In {@link #pairOrders}: the second code is column 1 of an edit of the two. */
  public static final int BACKWARD = 2;

  private static final int PART_BITS = 4;
  private static final int LINE_MASK = (1 << (32 - PART_BITS)) - 1;

  /** A pair slot's bits: the two code numbers, and which of them is column 1 (see pairSlots). */
  private static final int PAIR_KEY = (1 << 30) - 1;

  private static final int LOWER_IS_COLUMN1 = 1 << 30;
  private static final int HIGHER_IS_COLUMN1 = 1 << 31;

  private final Release release;
  private final Setting setting;
  private final String[] codes;
  private final Map<String, Integer> ids;
  private final int[] firstRow;
  private final int[] column2;
  private final int[] effective;
  private final int[] deleted;
  private final byte[] modifier;
  private final byte[] rationale;
  private final int[] source;
  private final String[] rationales;
  private final String[] files;

  /**
   * Every pair of codes that is an edit in either order, open addressing, 0 for an empty slot: the
   * lower code number in bits 15-29, the higher in bits 0-14, bit 30 set when the lower one is
   * column 1 of an edit of the two, bit 31 when the higher one is. A probe reads only this array,
   * one cache miss in a 16 MB table (about 2.5 million pairs), and answers for both orders: a claim
   * asks about each pair of its lines both ways, and most pairs are no edit, so the answer is
   * usually "no" after one read. Only a hit looks for the pair's rows, by a binary search among the
   * column 1 code's rows.
   */
  private final int[] pairSlots;

  private final int pairMask;
  private final int pairShift;

  private PtpTable(Builder b, String[] codes, int[] firstRow, int[] order) {
    this.release = b.release;
    this.setting = b.setting;
    this.codes = codes;
    this.ids = new HashMap<>(codes.length * 2);
    for (int i = 0; i < codes.length; i++) {
      ids.put(codes[i], i);
    }
    this.firstRow = firstRow;
    int n = order.length;
    this.column2 = new int[n];
    this.deleted = new int[n];
    this.modifier = new byte[n];
    this.rationale = new byte[n];
    this.source = new int[n];
    boolean anyStart = false;
    for (int i = 0; i < b.size; i++) {
      anyStart |= b.effective[i] != PtpEdit.UNKNOWN_START;
    }
    // The derived 2024 tables have no start dates: no array for them.
    this.effective = anyStart ? new int[n] : null;
    for (int i = 0; i < n; i++) {
      int row = order[i];
      column2[i] = b.remap[b.column2[row]];
      deleted[i] = b.deleted[row];
      modifier[i] = b.modifier[row];
      rationale[i] = b.rationale[row];
      source[i] = b.source[row];
      if (effective != null) {
        effective[i] = b.effective[row];
      }
    }
    this.rationales = b.rationales;
    this.files = b.files;
    int pairs = 0;
    for (int a = 0; a < codes.length; a++) {
      for (int row = firstRow[a]; row < firstRow[a + 1]; row++) {
        if (row == firstRow[a] || column2[row] != column2[row - 1]) {
          pairs++;
        }
      }
    }
    // Sized for the ordered pairs, of which the unordered ones are at most as many.
    int capacity = Integer.highestOneBit(Math.max(16, pairs + pairs / 3) * 2 - 1);
    this.pairSlots = new int[capacity];
    this.pairMask = capacity - 1;
    this.pairShift = 64 - Integer.numberOfTrailingZeros(capacity);
    for (int a = 0; a < codes.length; a++) {
      for (int row = firstRow[a]; row < firstRow[a + 1]; row++) {
        if (row == firstRow[a] || column2[row] != column2[row - 1]) {
          int other = column2[row];
          int key = pairKey(Math.min(a, other), Math.max(a, other));
          int slot = slot(key);
          while (pairSlots[slot] != 0 && (pairSlots[slot] & PAIR_KEY) != key) {
            slot = (slot + 1) & pairMask;
          }
          pairSlots[slot] |= key | (a <= other ? LOWER_IS_COLUMN1 : HIGHER_IS_COLUMN1);
        }
      }
    }
  }

  /** Both code numbers in one int: fewer than 2^15 codes (checked by the builder). */
  private static int pairKey(int a, int b) {
    return a << 15 | b;
  }

  private int slot(int key) {
    // Fibonacci hashing of the 30-bit pair key spreads neighbouring codes over the table.
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> pairShift);
  }

  /**
   * Which orders of two codes (by their numbers) are edits of the table, in force or not: {@link
   * #FORWARD} when a is column 1 and b column 2, {@link #BACKWARD} when the other way round, both
   * or 0. One read of the pair table answers for both orders.
   */
  public int pairOrders(int a, int b) {
    boolean swapped = a > b;
    int key = swapped ? pairKey(b, a) : pairKey(a, b);
    int slot = slot(key);
    while (true) {
      int found = pairSlots[slot];
      if (found == 0) {
        return 0;
      }
      if ((found & PAIR_KEY) == key) {
        int lowerFirst = (found & LOWER_IS_COLUMN1) != 0 ? 1 : 0;
        int higherFirst = (found & HIGHER_IS_COLUMN1) != 0 ? 1 : 0;
        return swapped ? higherFirst | lowerFirst << 1 : lowerFirst | higherFirst << 1;
      }
      slot = (slot + 1) & pairMask;
    }
  }

  /** Whether (a, b) is a pair of the table, in force or not. */
  private boolean hasPair(int a, int b) {
    return (pairOrders(a, b) & FORWARD) != 0;
  }

  /** The first row of pair (a, b), or -1. */
  private int firstRowOf(int a, int b) {
    if (!hasPair(a, b)) {
      return -1;
    }
    // Rows are sorted by column 2 within a column 1 code: the leftmost row of b.
    int low = firstRow[a];
    int high = firstRow[a + 1];
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (column2[mid] < b) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private @Nullable Integer id(String code) {
    Integer id = ids.get(code);
    return id != null ? id : ids.get(CodeSystem.normalize(code));
  }

  /** The release the edits come from, for citing them. */
  public Release release() {
    return release;
  }

  public Setting setting() {
    return setting;
  }

  /** How many rows the table holds, deleted edits included. */
  public int size() {
    return column2.length;
  }

  /** The code of a number the table gives ({@link #codeNumber}), 0 to {@link #codeCount} - 1. */
  public String code(int number) {
    return codes[number];
  }

  /** How many distinct codes appear in either column. */
  public int codeCount() {
    return codes.length;
  }

  /** The bytes the table's arrays take on the heap, for the load log and the report. */
  public long arrayBytes() {
    long perRow = 4L + 4 + 1 + 1 + 4 + (effective == null ? 0 : 4);
    return perRow * column2.length + 4L * firstRow.length + 4L * pairSlots.length;
  }

  /** Whether the release's source gives each edit its start date. */
  public boolean effectiveDatesKnown() {
    return effective != null;
  }

  /** The edit with column 1 and column 2 in that order that is in force on the date. */
  public Optional<PtpEdit> edit(String column1, String column2, LocalDate dateOfService) {
    Integer a = id(column1);
    Integer b = id(column2);
    if (a == null || b == null) {
      return Optional.empty();
    }
    int row = inForce(a, b, (int) dateOfService.toEpochDay());
    return row < 0 ? Optional.empty() : Optional.of(edit(a, row));
  }

  /**
   * The table's number for a normalized code, or -1 when neither column names it: a claim check
   * numbers each of its codes once, then looks up pairs of numbers.
   */
  public int codeNumber(String normalizedCode) {
    Integer id = ids.get(normalizedCode);
    return id == null ? -1 : id;
  }

  /**
   * The edit with column 1 and column 2 (by their numbers) in force on an epoch day, or null.
   * Allocates only when there is one.
   */
  public @Nullable PtpEdit edit(int column1, int column2, int epochDay) {
    int row = inForce(column1, column2, epochDay);
    return row < 0 ? null : edit(column1, row);
  }

  /** Every row of a pair, in force or not, in file order: its history in this release. */
  public List<PtpEdit> rows(String column1, String column2) {
    Integer a = id(column1);
    Integer b = id(column2);
    List<PtpEdit> rows = new ArrayList<>();
    if (a != null && b != null) {
      int first = firstRowOf(a, b);
      for (int row = first; row >= 0 && row < firstRow[a + 1] && this.column2[row] == b; row++) {
        rows.add(edit(a, row));
      }
    }
    return rows;
  }

  /**
   * Every edit in force on the date whose column 1 and column 2 are both in codes (both orders).
   */
  public List<PtpEdit> editsAmong(Collection<String> codes, LocalDate dateOfService) {
    int[] present = new int[codes.size()];
    int count = 0;
    for (String code : codes) {
      Integer id = id(code);
      if (id != null && !contains(present, count, id)) {
        present[count++] = id;
      }
    }
    if (count < 2) {
      return List.of();
    }
    int day = (int) dateOfService.toEpochDay();
    List<PtpEdit> found = null;
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < count; j++) {
        if (i != j) {
          int row = inForce(present[i], present[j], day);
          if (row >= 0) {
            if (found == null) {
              found = new ArrayList<>(2);
            }
            found.add(edit(present[i], row));
          }
        }
      }
    }
    return found == null ? List.of() : found;
  }

  /** The column 2 codes of a column 1 code's edits in force on the date, in code order. */
  public List<PtpEdit> column2Edits(String column1, LocalDate dateOfService) {
    Integer a = id(column1);
    List<PtpEdit> edits = new ArrayList<>();
    if (a == null) {
      return edits;
    }
    int day = (int) dateOfService.toEpochDay();
    for (int row = firstRow[a]; row < firstRow[a + 1]; row++) {
      if (row > firstRow[a] && column2[row] == column2[row - 1]) {
        continue;
      }
      int inForce = inForce(a, column2[row], day);
      if (inForce >= 0) {
        edits.add(edit(a, inForce));
      }
    }
    return edits;
  }

  /** The edits in force on the date that name a code in column 2, in column 1 code order. */
  public List<PtpEdit> column1Edits(String column2Code, LocalDate dateOfService) {
    Integer b = id(column2Code);
    List<PtpEdit> edits = new ArrayList<>();
    if (b == null) {
      return edits;
    }
    int day = (int) dateOfService.toEpochDay();
    for (int a = 0; a < codes.length; a++) {
      if (firstRow[a] < firstRow[a + 1]) {
        int row = inForce(a, b, day);
        if (row >= 0) {
          edits.add(edit(a, row));
        }
      }
    }
    return edits;
  }

  private static boolean contains(int[] ids, int count, int id) {
    for (int i = 0; i < count; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
  }

  /**
   * The row of pair (a, b) in force on the day, or -1. Of several, the one that ends first: the
   * windows of one pair follow each other, and without start dates (the derived tables) an older
   * row that has not yet ended on the day is the one that covered it.
   */
  private int inForce(int a, int b, int day) {
    int best = -1;
    int end = firstRow[a + 1];
    int first = firstRowOf(a, b);
    if (first < 0) {
      return -1;
    }
    for (int row = first; row < end && column2[row] == b; row++) {
      int start = effective == null ? PtpEdit.UNKNOWN_START : effective[row];
      if (PtpEdit.inForce(start, deleted[row], modifier[row], day)
          && (best < 0 || deleted[row] < deleted[best])) {
        best = row;
      }
    }
    return best;
  }

  private PtpEdit edit(int a, int row) {
    int start = effective == null ? PtpEdit.UNKNOWN_START : effective[row];
    return new PtpEdit(
        setting,
        codes[a],
        codes[column2[row]],
        start == PtpEdit.UNKNOWN_START ? null : LocalDate.ofEpochDay(start),
        deleted[row] == PtpEdit.NO_END ? null : LocalDate.ofEpochDay(deleted[row]),
        PtpModifierIndicator.of(modifier[row]),
        rationales[rationale[row]],
        files[source[row] >>> (32 - PART_BITS)],
        source[row] & LINE_MASK);
  }

  /** Collects rows in any order, then sorts them into a table. */
  static final class Builder {
    private final Release release;
    private final Setting setting;
    private final String[] rationales;
    private final String[] files;
    private final Map<String, Integer> codeIds = new HashMap<>();
    private final List<String> codeList = new ArrayList<>();
    private int size;
    private int[] column1 = new int[1 << 16];
    private int[] column2 = new int[1 << 16];
    private int[] effective = new int[1 << 16];
    private int[] deleted = new int[1 << 16];
    private byte[] modifier = new byte[1 << 16];
    private byte[] rationale = new byte[1 << 16];
    private int[] source = new int[1 << 16];
    private int[] remap;

    /**
     * @param rationales the rationale texts by the number rows give them
     * @param files the file names by the part number rows give them
     */
    Builder(Release release, Setting setting, List<String> rationales, List<String> files) {
      if (rationales.size() > Byte.MAX_VALUE || files.size() > (1 << PART_BITS)) {
        throw new IllegalArgumentException(
            rationales.size() + " rationales or " + files.size() + " files are too many");
      }
      this.release = release;
      this.setting = setting;
      this.rationales = rationales.toArray(String[]::new);
      this.files = files.toArray(String[]::new);
    }

    /**
     * One row; days are epoch days, {@link PtpEdit#UNKNOWN_START} and {@link PtpEdit#NO_END} for
     * none.
     */
    void row(
        String column1Code,
        String column2Code,
        int effectiveDay,
        int deletedDay,
        int modifierIndicator,
        int rationaleNumber,
        int part,
        int line) {
      if (rationaleNumber < 0 || rationaleNumber >= rationales.length) {
        throw new IllegalArgumentException("No rationale number " + rationaleNumber);
      }
      if (part < 0 || part >= files.length || line < 0 || line > LINE_MASK) {
        throw new IllegalArgumentException("No file part " + part + " line " + line);
      }
      PtpModifierIndicator.of(modifierIndicator);
      if (size == column1.length) {
        int capacity = size + (size >> 1);
        column1 = Arrays.copyOf(column1, capacity);
        column2 = Arrays.copyOf(column2, capacity);
        effective = Arrays.copyOf(effective, capacity);
        deleted = Arrays.copyOf(deleted, capacity);
        modifier = Arrays.copyOf(modifier, capacity);
        rationale = Arrays.copyOf(rationale, capacity);
        source = Arrays.copyOf(source, capacity);
      }
      column1[size] = id(column1Code);
      column2[size] = id(column2Code);
      effective[size] = effectiveDay;
      deleted[size] = deletedDay;
      modifier[size] = (byte) modifierIndicator;
      rationale[size] = (byte) rationaleNumber;
      source[size] = (part << (32 - PART_BITS)) | line;
      size++;
    }

    private int id(String code) {
      Integer id = codeIds.get(code);
      if (id == null) {
        id = codeList.size();
        codeIds.put(code, id);
        codeList.add(code);
      }
      return id;
    }

    PtpTable build() {
      // Number the codes in code order, so that rows sort by column 1 code, then column 2 code.
      String[] sorted = codeList.toArray(String[]::new);
      Arrays.sort(sorted);
      if (sorted.length >= 1 << 15) {
        throw new IllegalStateException(sorted.length + " codes are more than a table can number");
      }
      remap = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        remap[codeIds.get(sorted[i])] = i;
      }
      // Sort key: column 1 (15 bits), column 2 (16 bits), then the row (32 bits).
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] =
            ((long) remap[column1[i]] << 48) | ((long) remap[column2[i]] << 32) | (i & 0xFFFFFFFFL);
      }
      Arrays.sort(keys);
      int[] order = new int[size];
      int[] firstRow = new int[sorted.length + 1];
      int a = 0;
      for (int i = 0; i < size; i++) {
        order[i] = (int) keys[i];
        int column1Id = (int) (keys[i] >>> 48);
        while (a <= column1Id) {
          firstRow[a++] = i;
        }
      }
      while (a <= sorted.length) {
        firstRow[a++] = size;
      }
      return new PtpTable(this, sorted, firstRow, order);
    }
  }
}
