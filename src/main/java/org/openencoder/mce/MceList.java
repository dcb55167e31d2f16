package org.openencoder.mce;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One code list of the "Definitions of Medicare Code Edits" (chapter 1), by the edit it belongs to.
 * Lists of discontinued edits (7, 10, 11C, 11E, 12, 13, 17B) hold no codes and are not here; the
 * sex conflict edit (5) was deactivated as of 10/01/2024 and has no list either.
 */
public enum MceList {
  NEWBORN_DIAGNOSIS("4A", "Perinatal/Newborn diagnoses", new AgeRange(0, 0)),
  PEDIATRIC_DIAGNOSIS("4B", "Pediatric diagnoses", new AgeRange(0, 17)),
  MATERNITY_DIAGNOSIS("4C", "Maternity diagnoses", new AgeRange(9, 64)),
  ADULT_DIAGNOSIS("4D", "Adult diagnoses", new AgeRange(15, 124)),
  MANIFESTATION_AS_PRINCIPAL("6", "Manifestation codes not allowed as principal diagnosis", null),
  QUESTIONABLE_ADMISSION("8A", "Questionable admission codes", null),
  QUESTIONABLE_OBSTETRIC_CESAREAN_PROCEDURE("8B1", "Cesarean section procedure codes", null),
  QUESTIONABLE_OBSTETRIC_VAGINAL_DELIVERY_PROCEDURE(
      "8B2", "Vaginal delivery procedure codes", null),
  OUTCOME_OF_DELIVERY_DIAGNOSIS("8B3", "Outcome of delivery diagnoses codes", null),
  UNACCEPTABLE_PRINCIPAL("9", "Unacceptable principal diagnosis codes", null),
  /**
   * The one code (Z5189) the file marks with an asterisk: acceptable with a secondary diagnosis.
   */
  UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY(
      "9*", "Unacceptable principal diagnosis unless a secondary diagnosis is coded", null),
  NON_COVERED_PROCEDURE("11A", "Non-covered procedure codes", null),
  NON_COVERED_PANCREAS_TRANSPLANT_DIAGNOSIS(
      "11B", "Diagnoses that make a pancreas transplant alone covered", null),
  NON_COVERED_WITH_DIAGNOSIS_PROCEDURE(
      "11D", "Procedures non-covered when a listed diagnosis is present", null),
  NON_COVERED_WITH_DIAGNOSIS_DIAGNOSIS(
      "11D", "Diagnoses that make the 11D procedures non-covered", null),
  NON_COVERED_OVER_AGE_60_PROCEDURE("11F", "Procedures non-covered over age 60", null),
  NON_COVERED_STERILIZATION_PROCEDURE(
      "11G", "Procedures non-covered with Z302 as principal or secondary diagnosis", null),
  LIMITED_COVERAGE_PROCEDURE("17A", "Limited coverage codes", null),
  WRONG_PROCEDURE_PERFORMED("18", "Wrong procedure performed codes", null),
  PROCEDURE_INCONSISTENT_WITH_LOS("19", "Procedure inconsistent with length of stay", null),
  UNSPECIFIED_CODE("20", "Unspecified code", null);

  private final String edit;
  private final String title;
  private final @Nullable AgeRange ages;

  MceList(String edit, String title, @Nullable AgeRange ages) {
    this.edit = edit;
    this.title = title;
    this.ages = ages;
  }

  /** The edit's number and letter in chapter 1 of the definitions, e.g. "4B". */
  public String edit() {
    return edit;
  }

  public String title() {
    return title;
  }

  /**
   * For the four age lists: the inclusive age range the definitions state for the list (edit 4).
   * The importer reads the ranges from the file's text and refuses a file that states others, so
   * these are the file's words, not a guess. Empty for the other lists.
   */
  public Optional<AgeRange> ages() {
    return Optional.ofNullable(ages);
  }
}
