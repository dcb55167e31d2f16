package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/**
 * Whether each code and modifier exists on its date of service in the release in force: CPT numbers
 * in the Medicare PFS relative value file (checked by number: no CPT descriptor is needed), HCPCS
 * Level II codes and modifiers in the CMS alpha-numeric file (with its termination dates), and
 * ICD-10-CM codes in the order file of the fiscal year.
 */
public final class CodeValidityRule implements ClaimRule {

  public static final String FAMILY = "code-validity";

  /**
   * The CPT (Level I) modifier numbers of CPT Appendix A. They are not in the HCPCS file, which
   * lists Level II modifiers only; the numbers are public, their descriptors are AMA text and are
   * not held.
   */
  static final Set<String> CPT_MODIFIERS =
      Set.of(
          "22", "23", "24", "25", "26", "27", "32", "33", "47", "50", "51", "52", "53", "54", "55",
          "56", "57", "58", "59", "62", "63", "66", "73", "74", "76", "77", "78", "79", "80", "81",
          "82", "90", "91", "92", "93", "95", "96", "97", "99", "1P", "2P", "3P", "8P");

  private static final Source CPT_MODIFIER_SOURCE =
      new Source(
          "CPT Appendix A, modifier numbers (held in code)", "CPT 2026", LocalDate.of(2026, 1, 1));

  private static final String ICD_FILE = "ICD-10-CM order file (icd10cm-order-*.txt)";
  private static final String HCPCS_FILE = "HCPCS alpha-numeric file (HCPC*_ANWEB)";
  private static final String RVU_FILE = "Medicare PFS relative value file (PPRRVU*)";

  private static final NotChecked.Kind CPT_NOT_CHECKED =
      NotChecked.Kind.of(FAMILY, "CPT codes", RVU_FILE, CodeSystem.CPT.dataset());
  private static final NotChecked.Kind HCPCS_NOT_CHECKED =
      NotChecked.Kind.of(FAMILY, "HCPCS Level II codes", HCPCS_FILE, CodeSystem.HCPCS.dataset());
  private static final NotChecked.Kind MODIFIERS_NOT_CHECKED =
      NotChecked.Kind.of(
          FAMILY, "HCPCS Level II modifiers", HCPCS_FILE, CodeSystem.HCPCS.dataset());
  private static final NotChecked.Kind DIAGNOSES_NOT_CHECKED =
      NotChecked.Kind.of(
          FAMILY,
          on ->
              on.icd10cmRelease == null
                  ? "ICD-10-CM codes"
                  : "ICD-10-CM codes ("
                      + on.icd10cmRelease.title()
                      + " is in force but its code list is not loaded)",
          ICD_FILE,
          CodeSystem.ICD10CM.dataset());

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases tables, List<Finding> findings) {
    NotChecked.LineCodes cptGap = new NotChecked.LineCodes();
    NotChecked.LineCodes hcpcsGap = new NotChecked.LineCodes();
    NotChecked.Lines modifierGap = new NotChecked.Lines();
    List<ClaimLine> lines = claim.lines();
    for (int i = 0; i < lines.size(); i++) {
      ClaimLine line = lines.get(i);
      ReleasesInForce on = tables.onLine(i);
      CodeSystem system = isCpt(tables.codeNumber(i)) ? CodeSystem.CPT : CodeSystem.HCPCS;
      CodeCatalog catalog = on.catalog(system);
      if (catalog == null) {
        (system == CodeSystem.CPT ? cptGap : hcpcsGap).add(i, on);
      } else {
        checkProcedure(line, i + 1, system, catalog, tables.listed(i), on, findings);
      }
      for (String modifier : line.modifiers()) {
        if (isCptModifier(modifier)) {
          if (!CPT_MODIFIERS.contains(modifier)) {
            findings.add(
                error(
                    ".invalid-modifier",
                    List.of(i + 1),
                    List.of(line.code(), modifier),
                    "Modifier " + modifier + " is not a CPT modifier.",
                    "Use a modifier of CPT Appendix A or the HCPCS Level II list, or drop it.",
                    CPT_MODIFIER_SOURCE));
          }
        } else if (on.hcpcs == null) {
          modifierGap.add(i, on, modifier);
        } else {
          checkHcpcsModifier(line, i + 1, modifier, on, findings);
        }
      }
    }
    if (!claim.diagnoses().isEmpty()) {
      ReleasesInForce on = tables.onClaimDate();
      if (on.icd10cm == null) {
        findings.add(DIAGNOSES_NOT_CHECKED.finding(on, List.of(), tables.printedDiagnoses()));
      } else {
        for (String diagnosis : claim.diagnoses()) {
          checkDiagnosis(claim, diagnosis, on, findings);
        }
      }
    }
    cptGap.report(CPT_NOT_CHECKED, tables, findings);
    hcpcsGap.report(HCPCS_NOT_CHECKED, tables, findings);
    modifierGap.report(MODIFIERS_NOT_CHECKED, findings);
  }

  /**
   * A CPT number: four digits and a digit or A, F, M, T, U (the shape of {@link CodeSystem#CPT},
   * tested without a regular expression: this runs for every line of every claim).
   */
  static boolean isCpt(String code) {
    if (code.length() != 5) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!isDigit(code.charAt(i))) {
        return false;
      }
    }
    char last = code.charAt(4);
    return isDigit(last) || "AFMTU".indexOf(last) >= 0;
  }

  /** The same test on a line's code number ({@link ClaimLine#codeNumber}): no read of its text. */
  static boolean isCpt(int number) {
    if (number < 0) {
      return false;
    }
    // Base 36, last character first: 0 to 9 are the digits, 10 to 35 the letters A to Z.
    int last = number % 36;
    if (last >= 10 && "AFMTU".indexOf('A' + last - 10) < 0) {
      return false;
    }
    for (int i = 0, rest = number / 36; i < 4; i++, rest /= 36) {
      if (rest % 36 >= 10) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCptModifier(String modifier) {
    return Character.isDigit(modifier.charAt(0));
  }

  private static void checkProcedure(
      ClaimLine line,
      int number,
      CodeSystem system,
      CodeCatalog catalog,
      boolean listed,
      ReleasesInForce on,
      List<Finding> findings) {
    String code = line.code();
    Release release = catalog.release();
    String role = system == CodeSystem.CPT ? "pprrvu" : "anweb";
    if (listed) {
      if (system == CodeSystem.HCPCS) {
        LocalDate end = on.hcpcsTerminations.get(code);
        if (end != null && on.date.isAfter(end)) {
          findings.add(
              error(
                  ".deleted",
                  List.of(number),
                  List.of(code),
                  "HCPCS code "
                      + code
                      + " was terminated: its last day of use was "
                      + end
                      + ", before the date of service "
                      + on.date
                      + ".",
                  "Report the code that replaced it (see its code page for CMS's cross-reference).",
                  on.cite(release, role)));
        }
      }
      return;
    }
    findings.add(notListed(system, code, List.of(number), on, catalog, role));
  }

  private static void checkHcpcsModifier(
      ClaimLine line, int number, String modifier, ReleasesInForce on, List<Finding> findings) {
    CodeCatalog catalog = on.hcpcs;
    CodeEntry entry = catalog.get(modifier).orElse(null);
    Source source = on.cite(catalog.release(), "anweb");
    if (entry == null || entry.kind() != CodeEntry.Kind.MODIFIER) {
      findings.add(
          error(
              ".invalid-modifier",
              List.of(number),
              List.of(line.code(), modifier),
              "Modifier "
                  + modifier
                  + " is neither a CPT modifier nor a HCPCS Level II modifier of "
                  + catalog.release().title()
                  + ".",
              "Use a modifier of the HCPCS Level II list or CPT Appendix A, or drop it.",
              source));
      return;
    }
    LocalDate end = on.hcpcsTerminations.get(modifier);
    if (end != null && on.date.isAfter(end)) {
      findings.add(
          error(
              ".invalid-modifier",
              List.of(number),
              List.of(line.code(), modifier),
              "Modifier " + modifier + " was terminated: its last day of use was " + end + ".",
              "Use the modifier that replaced it, or drop it.",
              source));
    }
  }

  private static void checkDiagnosis(
      Claim claim, String code, ReleasesInForce on, List<Finding> findings) {
    if (on.billableDiagnoses.contains(code)) {
      return; // Nearly every diagnosis: one read, where the code list's map reads five places.
    }
    CodeCatalog catalog = on.icd10cm;
    CodeEntry entry = catalog.get(code).orElse(null);
    if (entry != null && entry.billable()) {
      return;
    }
    List<Integer> lines = linesPointingTo(claim, code);
    String display = CodeSystem.ICD10CM.display(code);
    Source source = on.cite(catalog.release(), "order");
    if (entry != null) {
      List<String> seventh = seventhCharacterCodes(catalog, code);
      if (!seventh.isEmpty()) {
        findings.add(
            error(
                ".missing-7th-character",
                lines,
                List.of(display),
                display
                    + " needs a 7th character (Guideline I.A.5: the applicable 7th character is"
                    + " required for all codes within the category).",
                "Report one of: " + joined(seventh) + ".",
                source));
      } else {
        findings.add(
            error(
                ".header",
                lines,
                List.of(display),
                display
                    + " is a category or subcategory header, not a billable code (Guideline"
                    + " I.B.2: codes are reported at their highest number of characters"
                    + " available).",
                "Report one of the codes below it: " + joined(billableBelow(catalog, code)) + ".",
                source));
      }
      return;
    }
    String placeholder = withPlaceholder(catalog, code);
    if (placeholder != null) {
      findings.add(
          error(
              ".placeholder-x",
              lines,
              List.of(display),
              display
                  + " is missing its placeholder X (Guideline I.A.4: where a placeholder exists,"
                  + " the X must be used for the code to be valid).",
              "Report " + CodeSystem.ICD10CM.display(placeholder) + ".",
              source));
      return;
    }
    List<String> seventh = seventhCharacterCodes(catalog, code);
    if (!seventh.isEmpty()) {
      findings.add(
          error(
              ".missing-7th-character",
              lines,
              List.of(display),
              display
                  + " is incomplete: its category takes a 7th character, with placeholder X in"
                  + " the empty positions (Guidelines I.A.4, I.A.5).",
              "Report one of: " + joined(seventh) + ".",
              source));
      return;
    }
    findings.add(notListed(CodeSystem.ICD10CM, code, lines, on, catalog, "order"));
  }

  /** A finding of this family that the payer would deny the line or claim for. */
  private static Finding error(
      String kind,
      List<Integer> lines,
      List<String> codes,
      String message,
      String fix,
      Source source) {
    return new Finding(FAMILY + kind, Severity.ERROR, lines, codes, message, fix, source);
  }

  /** Deleted, not yet effective or unknown: which other loaded release lists the code. */
  private static Finding notListed(
      CodeSystem system,
      String code,
      List<Integer> lines,
      ReleasesInForce on,
      CodeCatalog catalog,
      String role) {
    Release release = catalog.release();
    String display = system.display(code);
    Source source = on.cite(release, role);
    List<Release> listing = on.codeSets.releasesListing(system, code);
    Release earlier =
        listing.stream()
            .filter(r -> r.effectiveFrom().isBefore(release.effectiveFrom()))
            .findFirst()
            .orElse(null);
    Release later =
        listing.stream()
            .filter(r -> r.effectiveFrom().isAfter(release.effectiveFrom()))
            .reduce((a, b) -> b)
            .orElse(null);
    List<String> nearest =
        catalog.nearest(code, 12).stream()
            .filter(e -> e.kind() == CodeEntry.Kind.CODE && e.billable())
            .limit(5)
            .map(e -> system.display(e.code()))
            .toList();
    String suggestion = nearest.isEmpty() ? "" : " Nearest codes listed: " + joined(nearest) + ".";
    if (earlier != null) {
      return error(
          ".deleted",
          lines,
          List.of(display),
          display
              + " is not a code in "
              + release.title()
              + ", in force on "
              + on.date
              + ". "
              + earlier.title()
              + " lists it: it was deleted after that release.",
          "Report the code that replaced it." + suggestion,
          source);
    }
    if (later != null) {
      return error(
          ".not-yet-effective",
          lines,
          List.of(display),
          display
              + " is not yet a code on "
              + on.date
              + ": "
              + release.title()
              + " does not list it; it takes effect with "
              + later.title()
              + " on "
              + later.effectiveFrom()
              + ".",
          "Report a code in force on the date of service." + suggestion,
          source);
    }
    return error(
        ".unknown",
        lines,
        List.of(display),
        display + " is listed in no loaded " + system.displayName() + " release.",
        "Check the code for a typing error." + suggestion,
        source);
  }

  /** The listed 7-character codes that are this code, padded with X, plus a 7th character. */
  private static List<String> seventhCharacterCodes(CodeCatalog catalog, String code) {
    if (code.length() >= 7) {
      return List.of();
    }
    String padded = (code + "XXX").substring(0, 6);
    List<String> codes = new ArrayList<>();
    for (CodeEntry e : catalog.range(padded, padded + Character.MAX_VALUE, 40)) {
      if (e.code().length() == 7 && e.billable()) {
        codes.add(CodeSystem.ICD10CM.display(e.code()));
      }
    }
    return codes;
  }

  private static List<String> billableBelow(CodeCatalog catalog, String code) {
    List<String> codes = new ArrayList<>();
    for (CodeEntry e : catalog.range(code, code + Character.MAX_VALUE, 200)) {
      if (e.billable() && codes.size() < 8) {
        codes.add(CodeSystem.ICD10CM.display(e.code()));
      }
    }
    return codes;
  }

  /**
   * The listed code this one becomes with the placeholder X restored: "T51.31A" for T51.3X1A. The
   * X's go between the category and the characters given (Guideline I.A.4).
   */
  private static @Nullable String withPlaceholder(CodeCatalog catalog, String code) {
    if (code.length() < 4 || code.length() >= 7) {
      return null;
    }
    String xs = "XXX".substring(0, 7 - code.length());
    for (int at = 3; at < code.length(); at++) {
      String candidate = code.substring(0, at) + xs + code.substring(at);
      CodeEntry entry = catalog.get(candidate).orElse(null);
      if (entry != null && entry.billable()) {
        return candidate;
      }
    }
    return null;
  }

  static List<Integer> linesPointingTo(Claim claim, String diagnosis) {
    int position = claim.diagnoses().indexOf(diagnosis) + 1;
    List<Integer> lines = new ArrayList<>(2);
    for (int i = 0; i < claim.lines().size(); i++) {
      if (claim.lines().get(i).diagnosisPointers().contains(position)) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  /** ICD-10-CM codes as printed (E11.9), in order. */
  static List<String> displayed(List<String> diagnoses) {
    String[] codes = new String[diagnoses.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = CodeSystem.ICD10CM.display(diagnoses.get(i));
    }
    return List.of(codes);
  }

  private static String joined(List<String> codes) {
    return codes.size() <= 8
        ? String.join(", ", codes)
        : String.join(", ", codes.subList(0, 8)) + " …";
  }
}
