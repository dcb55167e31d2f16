package org.openencoder.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.codeset.CodeSystem;

/**
 * A claim as the edits see it: who bills it, when, for whom, its ICD-10-CM diagnoses (principal or
 * first-listed first) and its service lines.
 *
 * @param dateOfService the claim's date of service (or, for inpatient claims, the discharge date);
 *     a line with a date of its own uses that instead; null only when every line has one
 * @param placeOfService the CMS place of service code (two digits), or null
 * @param diagnoses normalized ICD-10-CM codes (no dot), principal first, at most twelve
 */
public record Claim(
    ClaimSetting setting,
    @Nullable LocalDate dateOfService,
    Patient patient,
    @Nullable String placeOfService,
    List<String> diagnoses,
    List<ClaimLine> lines) {

  /** The 837P and the CMS-1500 (item 21, A-L) carry twelve diagnoses. */
  public static final int MAX_DIAGNOSES = 12;

  /** The 837P allows 50 service lines a claim. */
  public static final int MAX_LINES = 50;

  public Claim {
    List<FieldError> errors = new ArrayList<>();
    if (setting == null) {
      errors.add(
          new FieldError(
              "setting", "say who bills: practitioner, outpatient-hospital, dme or inpatient"));
    }
    patient = patient == null ? Patient.unknown() : patient;
    if (placeOfService != null && !placeOfService.isBlank()) {
      placeOfService = placeOfService.strip();
      if (!isTwoDigits(placeOfService)) {
        errors.add(
            new FieldError(
                "placeOfService",
                "a place of service is a two-digit CMS code (11 office, 22 outpatient hospital),"
                    + " not '"
                    + placeOfService
                    + "'"));
      }
    } else {
      placeOfService = null;
    }
    List<String> codes = new ArrayList<>();
    if (diagnoses != null) {
      if (diagnoses.size() > MAX_DIAGNOSES) {
        errors.add(
            new FieldError(
                "diagnoses",
                "at most " + MAX_DIAGNOSES + " diagnoses a claim, not " + diagnoses.size()));
      }
      for (int i = 0; i < diagnoses.size(); i++) {
        String code = CodeSystem.normalize(diagnoses.get(i));
        if (!isDiagnosisShape(code)) {
          errors.add(
              new FieldError(
                  "diagnoses[" + i + "]",
                  "unknown code '"
                      + diagnoses.get(i)
                      + "': an ICD-10-CM code is a letter and two to six more letters or"
                      + " digits (E11.9, S52.521A)"));
        } else if (codes.contains(code)) {
          errors.add(
              new FieldError(
                  "diagnoses[" + i + "]", CodeSystem.ICD10CM.display(code) + " is listed twice"));
        }
        codes.add(code);
      }
    }
    List<ClaimLine> claimLines = lines == null ? List.of() : lines;
    if (claimLines.isEmpty() && setting != ClaimSetting.INPATIENT) {
      errors.add(new FieldError("lines", "a claim needs at least one service line"));
    }
    if (claimLines.size() > MAX_LINES) {
      errors.add(
          new FieldError(
              "lines", "at most " + MAX_LINES + " lines a claim, not " + claimLines.size()));
    }
    boolean undated = false;
    for (int i = 0; i < claimLines.size(); i++) {
      ClaimLine line = claimLines.get(i);
      if (line.dateOfService() == null && dateOfService == null && !undated) {
        undated = true;
        errors.add(
            new FieldError(
                "dateOfService",
                "give the claim's date of service, or one on every line (line "
                    + (i + 1)
                    + " has none)"));
      }
      for (int p = 0; p < line.diagnosisPointers().size(); p++) {
        int pointer = line.diagnosisPointers().get(p);
        if (pointer > codes.size()) {
          errors.add(
              new FieldError(
                  "lines[" + i + "].diagnosisPointers[" + p + "]",
                  "points to diagnosis "
                      + pointer
                      + " but the claim lists "
                      + codes.size()
                      + (codes.size() == 1 ? " diagnosis" : " diagnoses")));
        }
      }
    }
    if (claimLines.isEmpty() && dateOfService == null) {
      errors.add(new FieldError("dateOfService", "give the claim's date of service"));
    }
    LocalDate birth = patient.birthDate();
    if (birth != null) {
      for (LocalDate date : datesOf(dateOfService, claimLines)) {
        if (birth.isAfter(date)) {
          errors.add(
              new FieldError(
                  "patient.birthDate",
                  "the birth date " + birth + " is after the date of service " + date));
          break;
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidClaimException(errors);
    }
    diagnoses = List.copyOf(codes);
    lines = List.copyOf(claimLines);
  }

  /**
   * An ICD-10-CM code without its dot ([A-Z][0-9A-Z]{2,6}): a letter, then two to six letters or
   * digits, so that codes with a letter second (FY2026's QA0 category) are admitted. Whether the
   * release in force lists the code is the validity rule's finding, not an input error. Tested by
   * hand: a regular expression's matcher per diagnosis was a good part of a batch's garbage.
   */
  static boolean isDiagnosisShape(String code) {
    int length = code.length();
    if (length < 3 || length > 7 || !isUpperLetter(code.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = code.charAt(i);
      if (!isUpperLetter(c) && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  // By hand rather than String.matches, which compiles its pattern on every claim of a batch.
  private static boolean isTwoDigits(String text) {
    return text.length() == 2
        && text.charAt(0) >= '0'
        && text.charAt(0) <= '9'
        && text.charAt(1) >= '0'
        && text.charAt(1) <= '9';
  }

  /** The date of service of a line (0-based index): its own, or the claim's. */
  public LocalDate dateOf(int line) {
    LocalDate own = lines.get(line).dateOfService();
    return own != null ? own : dateOfService;
  }

  /** The claim's date of service, or the first line's when only lines have dates. */
  public LocalDate claimDate() {
    return dateOfService != null ? dateOfService : lines.get(0).dateOfService();
  }

  /** Every distinct date of service on the claim, the claim's first. */
  public List<LocalDate> dates() {
    return datesOf(dateOfService, lines);
  }

  private static List<LocalDate> datesOf(@Nullable LocalDate claimDate, List<ClaimLine> lines) {
    List<LocalDate> dates = new ArrayList<>(2);
    if (claimDate != null) {
      dates.add(claimDate);
    }
    for (ClaimLine line : lines) {
      LocalDate date = line.dateOfService() != null ? line.dateOfService() : claimDate;
      if (date != null && !dates.contains(date)) {
        dates.add(date);
      }
    }
    return dates;
  }
}
