package org.openencoder.claims;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.InvalidClaimException.FieldError;

/**
 * The patient as the edits need them: age (given, or from the birth date on the date of service)
 * and sex.
 *
 * @param age age in years on the date of service, or null when the birth date gives it
 * @param birthDate or null when the age is given
 * @param sex or null when not reported
 */
public record Patient(@Nullable Integer age, @Nullable LocalDate birthDate, @Nullable Sex sex) {

  /** The MCE's age edits run to 124 years (Definitions of Medicare Code Edits, age conflict). */
  public static final int OLDEST = 124;

  public Patient {
    List<FieldError> errors = new ArrayList<>();
    if (age != null && (age < 0 || age > OLDEST)) {
      errors.add(new FieldError("age", "an age is 0 to " + OLDEST + " years, not " + age));
    }
    if (age != null && birthDate != null) {
      errors.add(new FieldError("age", "give the age or the birth date, not both"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidClaimException(errors);
    }
  }

  public static Patient unknown() {
    return new Patient(null, null, null);
  }

  /** Age in whole years on a date; null when neither age nor birth date is known. */
  public @Nullable Integer ageOn(LocalDate date) {
    if (age != null) {
      return age;
    }
    return birthDate == null ? null : Period.between(birthDate, date).getYears();
  }
}
