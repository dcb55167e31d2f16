package org.openencoder.claims.rules;

import java.util.List;
import org.openencoder.claims.Claim;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.mce.AgeRange;
import org.openencoder.mce.MceEdits;
import org.openencoder.mce.MceList;
import org.openencoder.mce.MceListing;
import org.openencoder.mce.MedicareCodeEditor;

/**
 * The Medicare Code Editor's diagnosis edits on inpatient claims ("Definitions of Medicare Code
 * Edits", the version in force on the discharge date): age conflicts (edit 4), manifestation code
 * as principal diagnosis (edit 6), unacceptable principal diagnosis (edit 9) and the unspecified
 * code notice (edit 20). The sex conflict edit (5) was deactivated on 2024-10-01.
 */
public final class MceRule implements ClaimRule {

  public static final String FAMILY = "mce";

  private static final NotChecked.Kind NOT_CHECKED =
      NotChecked.Kind.of(
          FAMILY,
          "Medicare Code Editor edits",
          "Definitions of Medicare Code Edits_v_*.txt",
          MedicareCodeEditor.DATASET);

  private static final List<MceList> AGE_LISTS =
      List.of(
          MceList.NEWBORN_DIAGNOSIS,
          MceList.PEDIATRIC_DIAGNOSIS,
          MceList.MATERNITY_DIAGNOSIS,
          MceList.ADULT_DIAGNOSIS);

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases tables, List<Finding> findings) {
    if (claim.setting() != org.openencoder.claims.ClaimSetting.INPATIENT
        || claim.diagnoses().isEmpty()) {
      return; // The MCE edits inpatient claims, for the MS-DRG grouper.
    }
    ReleasesInForce on = tables.onClaimDate();
    MceEdits mce = on.mce;
    List<String> diagnoses = claim.diagnoses();
    if (mce == null) {
      findings.add(NOT_CHECKED.finding(on, List.of(), tables.printedDiagnoses()));
      return;
    }
    Integer age = claim.patient().ageOn(on.date);
    String principal = diagnoses.get(0);
    mce.listing(MceList.MANIFESTATION_AS_PRINCIPAL, principal)
        .ifPresent(
            l ->
                findings.add(
                    finding(
                        claim,
                        mce,
                        l,
                        "manifestation-as-principal",
                        Severity.ERROR,
                        display(principal)
                            + " is a manifestation code: it describes a manifestation of an"
                            + " underlying disease and is not allowed as principal diagnosis (MCE"
                            + " edit 6).",
                        "Sequence the underlying condition first and "
                            + display(principal)
                            + " after it (ICD-10-CM Guideline I.A.13, \"code first\").")));
    mce.listing(MceList.UNACCEPTABLE_PRINCIPAL, principal)
        .ifPresent(
            l ->
                findings.add(
                    finding(
                        claim,
                        mce,
                        l,
                        "unacceptable-principal",
                        Severity.ERROR,
                        display(principal)
                            + " is not acceptable as principal diagnosis (MCE edit 9).",
                        "Report the condition chiefly responsible for the admission as principal"
                            + " diagnosis; "
                            + display(principal)
                            + " may follow it.")));
    if (diagnoses.size() == 1) {
      mce.listing(MceList.UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY, principal)
          .ifPresent(
              l ->
                  findings.add(
                      finding(
                          claim,
                          mce,
                          l,
                          "unacceptable-principal",
                          Severity.ERROR,
                          display(principal)
                              + " is acceptable as principal diagnosis only with a secondary"
                              + " diagnosis (MCE edit 9, the code marked *), and the claim has"
                              + " none.",
                          "Report the secondary diagnosis that explains the encounter.")));
    }
    for (String diagnosis : diagnoses) {
      if (age != null) {
        for (MceList list : AGE_LISTS) {
          MceListing listing = mce.listing(list, diagnosis).orElse(null);
          if (listing == null) {
            continue;
          }
          AgeRange range = mce.ages(list).or(list::ages).orElseThrow();
          if (!range.contains(age)) {
            findings.add(
                finding(
                    claim,
                    mce,
                    listing,
                    "age-conflict",
                    Severity.ERROR,
                    display(diagnosis)
                        + " is on the MCE list \""
                        + list.title()
                        + "\" ("
                        + (range.min() == range.max() ? "age " : "ages ")
                        + range.display()
                        + "), but the patient is "
                        + age
                        + " (MCE edit 4, age conflict).",
                    "Check the patient's age or birth date and the code: the code is meant for"
                        + " patients aged "
                        + range.display()
                        + "."));
          }
        }
      }
      mce.listing(MceList.UNSPECIFIED_CODE, diagnosis)
          .ifPresent(
              l ->
                  findings.add(
                      finding(
                          claim,
                          mce,
                          l,
                          "unspecified-code",
                          Severity.INFO,
                          display(diagnosis)
                              + " is an unspecified code (MCE edit 20): a more specific code may"
                              + " be available.",
                          "Report a more specific code if the record documents one.")));
    }
    if (claim.patient().sex() != null) {
      MceEdits.SexConflictEdit sex = mce.sexConflict();
      findings.add(
          new Finding(
              FAMILY + ".sex-conflict-deactivated",
              Severity.INFO,
              List.of(),
              List.of(),
              "Sex conflict edits not applied: CMS deactivated MCE edit 5 as of "
                  + (sex.deactivated() != null
                      ? sex.deactivated()
                      : MedicareCodeEditor.SEX_CONFLICT_DEACTIVATED)
                  + (sex.heading().isEmpty() ? "." : " (\"" + sex.heading() + "\")."),
              null,
              new Source(
                  sex.file() + (sex.line() > 0 ? ", line " + sex.line() : ""),
                  mce.release().title(),
                  mce.release().effectiveFrom())));
    }
  }

  private static Finding finding(
      Claim claim,
      MceEdits mce,
      MceListing listing,
      String kind,
      Severity severity,
      String message,
      String fix) {
    return new Finding(
        FAMILY + "." + kind,
        severity,
        CodeValidityRule.linesPointingTo(claim, listing.code()),
        List.of(display(listing.code())),
        message,
        fix,
        new Source(
            listing.file() + ", line " + listing.line(),
            mce.release().title(),
            mce.release().effectiveFrom()));
  }

  private static String display(String code) {
    return CodeSystem.ICD10CM.display(code);
  }
}
