package org.openencoder.codeset;

import java.util.Locale;
import java.util.Optional;

/**
 * The code systems a coder looks codes up in, with their URL slug and printed form.
 *
 * <p>Each system's shape (see {@link #hasShape}) is tested by hand rather than by a regular
 * expression: the claim checker tests every code of every claim of a batch, and a {@code Matcher}
 * per code was most of the garbage of the batch path.
 */
public enum CodeSystem {
  // Shape: a letter and a digit, then up to five letters or digits ([A-Z][0-9][0-9A-Z]{0,5}),
  // except the FY2026 category QA0 (QA00.12 …), whose second character is a letter: a letter, a
  // letter and a digit then, and up to four more ([A-Z][A-Z][0-9][0-9A-Z]{0,4}).
  ICD10CM("icd10cm", "ICD-10-CM", Datasets.ICD10CM),
  // Shape: three to seven digits or letters other than I and O ([0-9A-HJ-NP-Z]{3,7}): the
  // ICD-10-PCS tables leave out I and O, which read as 1 and 0.
  ICD10PCS("icd10pcs", "ICD-10-PCS", Datasets.ICD10PCS),
  // Shape: a letter and four digits ([A-Z][0-9]{4}), or a two-character modifier ([A-Z0-9]{2}).
  HCPCS("hcpcs", "HCPCS Level II", Datasets.HCPCS),
  // CPT numbers: Category I (5 digits), II (nnnnF), III (nnnnT), PLA (nnnnU), vaccine
  // administration (nnnnA) and MAAA (nnnnM): [0-9]{4}[0-9AFMTU]. Their facts come from the CMS RVU
  // file.
  CPT("cpt", "CPT", Datasets.PFS_RVU);

  private final String slug;
  private final String displayName;
  private final String dataset;

  CodeSystem(String slug, String displayName, String dataset) {
    this.slug = slug;
    this.displayName = displayName;
    this.dataset = dataset;
  }

  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }

  /** The data set whose releases list this system's codes. */
  public String dataset() {
    return dataset;
  }

  public static Optional<CodeSystem> fromSlug(String slug) {
    for (CodeSystem system : values()) {
      if (system.slug.equalsIgnoreCase(slug)) {
        return Optional.of(system);
      }
    }
    return Optional.empty();
  }

  /** The code as the official files store it: upper case, without dot or spaces. */
  public static String normalize(String code) {
    if (code == null) {
      return "";
    }
    // Claim checks normalize every code they look up, nearly always one already normalized: one
    // scan and no copy then.
    return isNormalized(code)
        ? code
        : code.strip().replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
  }

  private static boolean isNormalized(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** Whether a normalized code has this system's shape (not whether it exists). */
  public boolean hasShape(String normalizedCode) {
    String code = normalizedCode;
    int length = code.length();
    return switch (this) {
      case ICD10CM ->
          length >= 2
              && length <= 7
              && isLetter(code.charAt(0))
              && (isDigit(code.charAt(1))
                  ? lettersOrDigits(code, 2)
                  : length >= 3
                      && isLetter(code.charAt(1))
                      && isDigit(code.charAt(2))
                      && lettersOrDigits(code, 3));
      case ICD10PCS -> length >= 3 && length <= 7 && pcsCharacters(code);
      case HCPCS ->
          length == 5
              ? isLetter(code.charAt(0)) && digits(code, 1, 5)
              : length == 2 && isLetterOrDigit(code.charAt(0)) && isLetterOrDigit(code.charAt(1));
      case CPT ->
          length == 5
              && digits(code, 0, 4)
              && (isDigit(code.charAt(4)) || "AFMTU".indexOf(code.charAt(4)) >= 0);
    };
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean digits(String code, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(code.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean lettersOrDigits(String code, int from) {
    for (int i = from; i < code.length(); i++) {
      if (!isLetterOrDigit(code.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean pcsCharacters(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!isLetterOrDigit(c) || c == 'I' || c == 'O') {
        return false;
      }
    }
    return true;
  }

  /**
   * The code as printed in the code books: ICD-10-CM puts a dot after the category (E11.9,
   * S52.521A); the other systems print no dot.
   */
  public String display(String normalizedCode) {
    if (this == ICD10CM && normalizedCode.length() > 3) {
      return normalizedCode.substring(0, 3) + "." + normalizedCode.substring(3);
    }
    return normalizedCode;
  }
}
