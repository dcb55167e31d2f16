package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.List;
import org.openencoder.claims.Claim;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.codeset.CodeSystem;

/**
 * ICD-10-CM Excludes1 notes between two diagnoses of the claim, read from the Tabular List of the
 * fiscal year in force (Guideline I.A.12.a). A note printed under a code, its category, section or
 * chapter applies to the code.
 */
public final class Excludes1Rule implements ClaimRule {

  public static final String FAMILY = "icd10cm-excludes1";

  /** Guideline I.A.12.a, ICD-10-CM Official Guidelines for Coding and Reporting. */
  static final String EXCEPTION =
      "Guideline I.A.12.a: an exception to the Excludes1 definition is the circumstance when the"
          + " two conditions are unrelated to each other; if it is not clear whether they are"
          + " related, query the provider.";

  private static final NotChecked.Kind NOT_CHECKED =
      NotChecked.Kind.of(
          FAMILY,
          "Excludes1 notes",
          "ICD-10-CM Tabular List (icd10cm_tabular_*.xml)",
          CodeSystem.ICD10CM.dataset());

  /** The notice when the fiscal year in force is loaded, but without its Tabular List. */
  private static final NotChecked.Kind NO_TABULAR =
      new NotChecked.Kind(
          on ->
              new Finding(
                  FAMILY + ".not-checked",
                  Severity.INFO,
                  List.of(),
                  List.of(),
                  "Excludes1 notes not checked: "
                      + on.icd10cmRelease.title()
                      + ", in force on "
                      + on.date
                      + ", is loaded without its Tabular List.",
                  "Load the Tabular List of "
                      + on.icd10cmRelease.title()
                      + " (icd10cm_tabular_*.xml), or check the Excludes1 notes by hand.",
                  new Source(
                      "ICD-10-CM Tabular List (missing)",
                      on.icd10cmRelease.title(),
                      on.icd10cmRelease.effectiveFrom())));

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases tables, List<Finding> findings) {
    List<String> diagnoses = claim.diagnoses();
    if (diagnoses.size() < 2) {
      return;
    }
    ReleasesInForce on = tables.onClaimDate();
    Excludes1Index index = on.excludes1;
    if (index == null) {
      findings.add(notChecked(tables.printedDiagnoses(), on));
      return;
    }
    for (int a = 0; a < diagnoses.size(); a++) {
      for (int b = a + 1; b < diagnoses.size(); b++) {
        String first = diagnoses.get(a);
        String second = diagnoses.get(b);
        Excludes1Index.Note note = index.excluding(first, second);
        String above = first;
        String excluded = second;
        if (note == null) {
          note = index.excluding(second, first);
          above = second;
          excluded = first;
        }
        if (note != null) {
          findings.add(finding(claim, index, note, above, excluded));
        }
      }
    }
  }

  private static Finding finding(
      Claim claim, Excludes1Index index, Excludes1Index.Note note, String above, String excluded) {
    List<Integer> lines = new ArrayList<>(CodeValidityRule.linesPointingTo(claim, above));
    for (int line : CodeValidityRule.linesPointingTo(claim, excluded)) {
      if (!lines.contains(line)) {
        lines.add(line);
      }
    }
    lines.sort(null);
    String aboveCode = CodeSystem.ICD10CM.display(above);
    String excludedCode = CodeSystem.ICD10CM.display(excluded);
    return new Finding(
        FAMILY + ".conflict",
        Severity.WARNING,
        lines,
        List.of(aboveCode, excludedCode),
        excludedCode
            + " is excluded by the Excludes1 note \""
            + note.text()
            + "\" under "
            + note.printedAt()
            + ", which applies to "
            + aboveCode
            + ": the two codes are not reported together.",
        "Report only the code that fits the documented condition. " + EXCEPTION,
        new Source(
            "ICD-10-CM Tabular List, Excludes1 under " + note.printedAt(),
            index.release().title(),
            index.release().effectiveFrom()));
  }

  private static Finding notChecked(List<String> codes, ReleasesInForce on) {
    return (on.icd10cmRelease != null ? NO_TABULAR : NOT_CHECKED).finding(on, List.of(), codes);
  }
}
