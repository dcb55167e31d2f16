package org.openencoder.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.codeset.CodeSystem;

/**
 * One service line: a CPT or HCPCS Level II code with up to four modifiers, its units and the
 * diagnoses it points to (CMS-1500 items 24A-24G; X12 837P SV1).
 *
 * @param code normalized: upper case, no spaces
 * @param modifiers normalized, at most four, in the order reported
 * @param diagnosisPointers 1-based positions in the claim's diagnosis list, at most four
 * @param dateOfService the line's own date, or null for the claim's
 * @param codeNumber the code as a number ({@link #numberOf}), derived from the code: the checker
 *     compares and looks up codes by it without reading their text. Whatever is passed, the
 *     constructor sets it from the code; use the constructor without it.
 */
public record ClaimLine(
    String code,
    List<String> modifiers,
    int units,
    List<Integer> diagnosisPointers,
    @Nullable LocalDate dateOfService,
    int codeNumber) {

  /** The 837P allows four modifiers a line (SV101-3 to SV101-6). */
  public static final int MAX_MODIFIERS = 4;

  /** The 837P allows four diagnosis pointers a line (SV107-1 to SV107-4). */
  public static final int MAX_POINTERS = 4;

  public static final int MAX_UNITS = 99_999;

  /** A CPT or HCPCS Level II code is five characters of [0-9A-Z]: base 36 fits an int. */
  private static final int CODE_LENGTH = 5;

  public ClaimLine {
    List<FieldError> errors = new ArrayList<>();
    code = CodeSystem.normalize(code);
    if (code.isEmpty()) {
      errors.add(new FieldError("code", "a line needs its CPT or HCPCS code"));
    } else if (!CodeSystem.CPT.hasShape(code) && !isHcpcsCode(code)) {
      errors.add(
          new FieldError(
              "code",
              "unknown code '"
                  + code
                  + "': a line's code is a CPT number (five characters, e.g. 99213, 0001U) or a"
                  + " HCPCS Level II code (a letter and four digits, e.g. A4253)"));
    }
    List<String> normalized = new ArrayList<>();
    if (modifiers != null) {
      if (modifiers.size() > MAX_MODIFIERS) {
        errors.add(
            new FieldError(
                "modifiers",
                "at most " + MAX_MODIFIERS + " modifiers a line, not " + modifiers.size()));
      }
      for (int i = 0; i < modifiers.size(); i++) {
        String modifier = CodeSystem.normalize(modifiers.get(i));
        if (!isModifier(modifier)) {
          errors.add(
              new FieldError(
                  "modifiers[" + i + "]",
                  "a modifier is two letters or digits (25, 59, LT), not '"
                      + modifiers.get(i)
                      + "'"));
        }
        normalized.add(modifier);
      }
    }
    if (units <= 0) {
      errors.add(new FieldError("units", "units are a whole number of at least 1, not " + units));
    } else if (units > MAX_UNITS) {
      errors.add(new FieldError("units", "units are at most " + MAX_UNITS + ", not " + units));
    }
    List<Integer> pointers = diagnosisPointers == null ? List.of() : diagnosisPointers;
    if (pointers.size() > MAX_POINTERS) {
      errors.add(
          new FieldError(
              "diagnosisPointers",
              "at most " + MAX_POINTERS + " diagnosis pointers a line, not " + pointers.size()));
    }
    // Pointers seen so far, one bit each: a claim has at most twelve diagnoses.
    int seen = 0;
    for (int i = 0; i < pointers.size(); i++) {
      Integer pointer = pointers.get(i);
      if (pointer == null || pointer < 1 || pointer > Claim.MAX_DIAGNOSES) {
        errors.add(
            new FieldError(
                "diagnosisPointers[" + i + "]",
                "a diagnosis pointer is 1 to " + Claim.MAX_DIAGNOSES + ", not " + pointer));
      } else if ((seen & (1 << pointer)) != 0) {
        errors.add(
            new FieldError("diagnosisPointers[" + i + "]", "diagnosis " + pointer + " twice"));
      } else {
        seen |= 1 << pointer;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidClaimException(errors);
    }
    modifiers = List.copyOf(normalized);
    diagnosisPointers = List.copyOf(pointers);
    codeNumber = numberOf(code);
  }

  /** A line as reported: its code, modifiers, units, diagnosis pointers and own date, or null. */
  public ClaimLine(
      String code,
      List<String> modifiers,
      int units,
      List<Integer> diagnosisPointers,
      @Nullable LocalDate dateOfService) {
    this(code, modifiers, units, diagnosisPointers, dateOfService, -1);
  }

  /** A line with no modifiers, diagnosis pointers or date of its own. */
  public static ClaimLine of(String code, int units) {
    return new ClaimLine(code, List.of(), units, List.of(), null);
  }

  /**
   * A CPT or HCPCS Level II code as a number: its five characters [0-9A-Z] read in base 36, so that
   * two codes are equal when their numbers are; -1 for any other text (a modifier, a typing error).
   */
  public static int numberOf(String code) {
    if (code.length() != CODE_LENGTH) {
      return -1;
    }
    int number = 0;
    for (int i = 0; i < CODE_LENGTH; i++) {
      char c = code.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        digit = c - 'A' + 10;
      } else {
        return -1;
      }
      number = number * 36 + digit;
    }
    return number;
  }

  /** Two letters or digits (a normalized modifier), checked without a regex match per line. */
  private static boolean isModifier(String modifier) {
    return modifier.length() == 2
        && isLetterOrDigit(modifier.charAt(0))
        && isLetterOrDigit(modifier.charAt(1));
  }

  private static boolean isLetterOrDigit(char c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  public boolean hasModifier(String modifier) {
    return modifiers.contains(modifier);
  }

  /**
   * HCPCS Level II procedure codes: a letter and four digits (the 2-character form is a modifier).
   */
  static boolean isHcpcsCode(String code) {
    return code.length() == 5 && CodeSystem.HCPCS.hasShape(code);
  }
}
