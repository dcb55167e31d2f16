package org.openencoder.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.claims.InvalidClaimException.FieldError;

/** The claim model validates itself and names every wrong field. */
class ClaimTest {

  private static final LocalDate DATE = LocalDate.of(2026, 5, 1);

  @Test
  void codesAreNormalizedAndLinesTakeTheClaimDate() {
    Claim claim =
        new Claim(
            ClaimSetting.PRACTITIONER,
            DATE,
            null,
            " 11 ",
            List.of("e11.9"),
            List.of(
                new ClaimLine(" 99213 ", List.of("lt"), 1, List.of(1), null),
                new ClaimLine("g0506", List.of(), 1, List.of(), DATE.plusDays(1))));

    assertThat(claim.diagnoses()).containsExactly("E119");
    assertThat(claim.lines().get(0).code()).isEqualTo("99213");
    assertThat(claim.lines().get(0).modifiers()).containsExactly("LT");
    assertThat(claim.placeOfService()).isEqualTo("11");
    assertThat(claim.dateOf(0)).isEqualTo(DATE);
    assertThat(claim.dateOf(1)).isEqualTo(DATE.plusDays(1));
    assertThat(claim.dates()).containsExactly(DATE, DATE.plusDays(1));
    assertThat(claim.patient().ageOn(DATE)).isNull();
  }

  @Test
  void aLineNamesEachOfItsWrongFields() {
    assertThatThrownBy(
            () ->
                new ClaimLine("ABC", List.of("25", "59", "XE", "XS", "X!"), 0, List.of(1, 1), null))
        .isInstanceOfSatisfying(
            InvalidClaimException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "code", "modifiers", "modifiers[4]", "units", "diagnosisPointers[1]"));
  }

  @Test
  void aClaimNeedsADateForEveryLineAndPointersWithinItsDiagnoses() {
    assertThatThrownBy(
            () ->
                new Claim(
                    ClaimSetting.PRACTITIONER,
                    null,
                    null,
                    "office",
                    List.of("E11.9"),
                    List.of(new ClaimLine("99213", List.of(), 1, List.of(2), null))))
        .isInstanceOfSatisfying(
            InvalidClaimException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "placeOfService", "dateOfService", "lines[0].diagnosisPointers[0]"));
  }

  @Test
  void theAgeComesFromTheBirthDateOnTheDateOfService() {
    Patient patient = new Patient(null, LocalDate.of(2000, 5, 2), Sex.F);

    assertThat(patient.ageOn(DATE)).isEqualTo(25);
    assertThat(patient.ageOn(DATE.plusDays(1))).isEqualTo(26);
    assertThatThrownBy(() -> new Patient(40, LocalDate.of(1986, 1, 1), null))
        .isInstanceOf(InvalidClaimException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void anInpatientClaimMayHaveNoServiceLines() {
    Claim claim = new Claim(ClaimSetting.INPATIENT, DATE, null, null, List.of("O80"), List.of());

    assertThat(claim.claimDate()).isEqualTo(DATE);
    assertThat(ClaimSetting.of("outpatient-hospital")).contains(ClaimSetting.OUTPATIENT_HOSPITAL);
    assertThat(ClaimSetting.INPATIENT.ncciSetting()).isEmpty();
  }
}
