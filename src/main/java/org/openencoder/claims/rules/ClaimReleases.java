package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;

/**
 * The tables in force on each date of one claim, resolved once for the claim: every rule reads
 * every line's tables, and most claims have one date, so each rule asking {@link ReleasesOnDates}
 * again would repeat the same lookup thirty times a claim.
 */
public final class ClaimReleases {

  /** At most {@link Claim#MAX_LINES} lines: a set of lines is one bit each in a long. */
  static final int MAX_LINES = Claim.MAX_LINES;

  /** [1], [1, 2], ... [1 .. MAX_LINES]: the line numbers of a whole claim, by its size. */
  private static final List<List<Integer>> FIRST_LINES = firstLines();

  private final ReleasesInForce onClaimDate;
  private final ReleasesInForce[] onLine;
  private final LocalDate[] dates;
  private final ProcedureCodes.Code[] codes;

  /** Each line's first line (0-based) with the same code: the line itself when none before it. */
  private final byte[] firstWithCode;

  /** The lines whose code the code list of its system in force lists, one bit a line. */
  private long listed;

  /** Each line's code as a number ({@link ClaimLine#codeNumber}). */
  private final int[] numbers;

  private final Claim claim;
  private @Nullable List<String> printedDiagnoses;
  private @Nullable List<String> lineCodes;

  ClaimReleases(Claim claim, ReleasesOnDates tables) {
    this.claim = claim;
    LocalDate claimDate = claim.claimDate();
    this.onClaimDate = tables.on(claimDate);
    int count = claim.lines().size();
    this.onLine = new ReleasesInForce[count];
    this.dates = new LocalDate[count];
    this.codes = new ProcedureCodes.Code[count];
    // The lines' code numbers first, together: the first memory each line's check touches (the
    // lines, not their codes' text), and reading them in one loop lets the processor wait for all
    // of them at once rather than for each in turn between the table lookups.
    String[] lineCodes = new String[count];
    this.numbers = new int[count];
    for (int i = 0; i < count; i++) {
      ClaimLine line = claim.lines().get(i);
      lineCodes[i] = line.code();
      numbers[i] = line.codeNumber();
    }
    for (int i = 0; i < count; i++) {
      LocalDate date = claim.dateOf(i);
      dates[i] = date;
      onLine[i] = date.equals(claimDate) ? onClaimDate : tables.on(date);
      codes[i] = onLine[i].procedureCodes.get(lineCodes[i], numbers[i]);
      // Reading the facts here, in one loop for every line, brings them from memory for all lines
      // at once; the rules would otherwise wait for each line's in turn.
      if (codes[i].listed != null) {
        listed |= 1L << i;
      }
    }
    this.firstWithCode = new byte[count];
    for (int i = 0; i < count; i++) {
      int first = i;
      for (int j = 0; j < i; j++) {
        // A line's code is a CPT or HCPCS code (its shape is checked): equal numbers, equal codes.
        if (numbers[j] == numbers[i]) {
          first = j;
          break;
        }
      }
      firstWithCode[i] = (byte) first;
    }
  }

  /** The tables in force on the claim's date (the first line's when only lines have dates). */
  public ReleasesInForce onClaimDate() {
    return onClaimDate;
  }

  /** The tables in force on a line's date of service (0-based index). */
  public ReleasesInForce onLine(int index) {
    return onLine[index];
  }

  /** A line's date of service (0-based index): its own, or the claim's. */
  public LocalDate dateOf(int index) {
    return dates[index];
  }

  /** What the tables in force on a line's date say about its code (0-based index). */
  ProcedureCodes.Code codeOf(int index) {
    return codes[index];
  }

  /** Whether the code list in force lists a line's code (0-based index). */
  boolean listed(int index) {
    return (listed & 1L << index) != 0;
  }

  /** How many lines the claim has. */
  int lineCount() {
    return numbers.length;
  }

  /** A line's code as a number (0-based index; {@link ClaimLine#codeNumber}). */
  int codeNumber(int index) {
    return numbers[index];
  }

  /**
   * The claim's diagnoses as printed (E11.9), for the findings that list them all: made once a
   * claim, where several rules' "not checked" notices need them.
   */
  List<String> printedDiagnoses() {
    if (printedDiagnoses == null) {
      printedDiagnoses = CodeValidityRule.displayed(claim.diagnoses());
    }
    return printedDiagnoses;
  }

  /**
   * The 1-based numbers of a set of lines (bit i for the line of 0-based index i): the shared list
   * [1 .. n] when it is every line, as it nearly always is.
   */
  List<Integer> lineNumbers(long lines) {
    int count = claim.lines().size();
    if (lines == everyLine(count)) {
      return FIRST_LINES.get(count - 1);
    }
    Integer[] numbers = new Integer[Long.bitCount(lines)];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if ((lines & 1L << i) != 0) {
        numbers[n++] = i + 1;
      }
    }
    return List.of(numbers);
  }

  /**
   * The codes of a set of lines (bit i for the line of 0-based index i), in line order: made once a
   * claim for every line, which the "not checked" notices of several rules list.
   */
  List<String> lineCodes(long lines) {
    int count = claim.lines().size();
    if (lines == everyLine(count)) {
      if (lineCodes == null) {
        lineCodes = codesOf(lines);
      }
      return lineCodes;
    }
    return codesOf(lines);
  }

  private List<String> codesOf(long lines) {
    String[] codes = new String[Long.bitCount(lines)];
    int n = 0;
    for (int i = 0; i < claim.lines().size(); i++) {
      if ((lines & 1L << i) != 0) {
        codes[n++] = claim.lines().get(i).code();
      }
    }
    return List.of(codes);
  }

  private static long everyLine(int count) {
    return (1L << count) - 1;
  }

  private static List<List<Integer>> firstLines() {
    List<List<Integer>> lists = new ArrayList<>(MAX_LINES);
    for (int n = 1; n <= MAX_LINES; n++) {
      Integer[] numbers = new Integer[n];
      for (int i = 0; i < n; i++) {
        numbers[i] = i + 1;
      }
      lists.add(List.of(numbers));
    }
    return List.copyOf(lists);
  }

  /** Whether two lines (0-based) have the same code. */
  boolean sameCode(int one, int other) {
    return firstWithCode[one] == firstWithCode[other];
  }

  /** Whether two lines (0-based) have the same date of service. */
  boolean sameDate(int one, int other) {
    return dates[one] == dates[other] || dates[one].equals(dates[other]);
  }
}
