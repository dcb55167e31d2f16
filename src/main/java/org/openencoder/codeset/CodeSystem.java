package org.openencoder.codeset;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The code systems a coder looks codes up in, with their URL slug and printed form. */
public enum CodeSystem {
  // A letter and a digit, except the FY2026 category QA0 (QA00.12 …), whose second character is a
  // letter: a letter, a letter and a digit then.
  ICD10CM(
      "icd10cm",
      "ICD-10-CM",
      Datasets.ICD10CM,
      Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}|[A-Z][A-Z][0-9][0-9A-Z]{0,4}")),
  ICD10PCS("icd10pcs", "ICD-10-PCS", Datasets.ICD10PCS, Pattern.compile("[0-9A-HJ-NP-Z]{3,7}")),
  HCPCS("hcpcs", "HCPCS Level II", Datasets.HCPCS, Pattern.compile("[A-Z][0-9]{4}|[A-Z0-9]{2}")),
  // CPT numbers: Category I (5 digits), II (nnnnF), III (nnnnT), PLA (nnnnU), vaccine
  // administration (nnnnA) and MAAA (nnnnM). Their facts come from the CMS RVU file.
  CPT("cpt", "CPT", Datasets.PFS_RVU, Pattern.compile("[0-9]{4}[0-9AFMTU]"));

  private final String slug;
  private final String displayName;
  private final String dataset;
  private final Pattern shape;

  CodeSystem(String slug, String displayName, String dataset, Pattern shape) {
    this.slug = slug;
    this.displayName = displayName;
    this.dataset = dataset;
    this.shape = shape;
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
    return shape.matcher(normalizedCode).matches();
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
