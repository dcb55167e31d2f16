package org.openencoder.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

  @Test
  void aDiagnosisHasTheShapeOfItsFormerRegularExpression() {
    Pattern shape = Pattern.compile("[A-Z][0-9A-Z]{2,6}");
    String[] kinds = {"0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "az.-/ @[`{É"};
    Random random = new Random(3);
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder code = new StringBuilder();
      int length = random.nextInt(10);
      for (int c = 0; c < length; c++) {
        String kind = kinds[random.nextInt(c == 0 ? 2 : kinds.length) + (c == 0 ? 1 : 0)];
        code.append(kind.charAt(random.nextInt(kind.length())));
      }
      boolean expected = shape.matcher(code).matches();
      assertThat(Claim.isDiagnosisShape(code.toString())).as("'%s'", code).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).isGreaterThan(5_000);
  }
}
