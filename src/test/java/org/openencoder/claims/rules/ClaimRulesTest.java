package org.openencoder.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.ClaimSetting;
import org.openencoder.claims.Finding;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** Each rule class on its own, on the real tables, without the others. */
class ClaimRulesTest extends RunningApplication {

  private static final LocalDate MAY_2026 = LocalDate.of(2026, 5, 1);
  private static final LocalDate FY2021 = LocalDate.of(2021, 3, 1);

  @Autowired ReleasesOnDates tables;

  private List<Finding> run(ClaimRule rule, Claim claim) {
    List<Finding> findings = new ArrayList<>();
    rule.check(claim, tables.of(claim), findings);
    return findings;
  }

  private static Claim claim(LocalDate date, List<String> diagnoses, ClaimLine... lines) {
    return new Claim(ClaimSetting.PRACTITIONER, date, null, null, diagnoses, List.of(lines));
  }

  @Test
  void theTablesOfADateAreTheReleasesInForceOnIt() {
    ReleasesInForce may = tables.on(MAY_2026);

    assertThat(may.cpt.release().version()).isEqualTo("RVU26B");
    assertThat(may.icd10cm.release().version()).isEqualTo("FY2026");
    assertThat(may.mue.release().version()).isEqualTo("2026Q2");
    assertThat(may.hcpcs).isNull();
    assertThat(may.excludes1).isNull();
    assertThat(tables.on(MAY_2026)).isSameAs(may);
    // 5,233 Excludes1 notes of the FY2021 Tabular List name at least one code.
    assertThat(tables.on(FY2021).excludes1.notes()).isEqualTo(5_233);
    assertThat(
            tables
                .on(LocalDate.of(2024, 8, 1))
                .ptp(org.openencoder.ncci.Setting.PRACTITIONER)
                .release()
                .version())
        .isEqualTo("2024Q3");
    assertThat(may.mce.release().effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void codeValidityFindsOnlyTheCodesTheReleaseInForceLacks() {
    List<Finding> findings =
        run(
            new CodeValidityRule(),
            claim(
                MAY_2026,
                List.of("E11.9", "S52.521"),
                ClaimLine.of("99213", 1),
                ClaimLine.of("27445", 1)));

    assertThat(findings)
        .extracting(Finding::rule, Finding::codes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("code-validity.deleted", List.of("27445")),
            org.assertj.core.groups.Tuple.tuple(
                "code-validity.missing-7th-character", List.of("S52.521")));
    assertThat(findings.get(1).fix()).contains("S52.521A");
  }

  @Test
  void mueAddsUpTheUnitsOfADateForMaiThreeOnly() {
    List<Finding> summed =
        run(
            new MueRule(),
            claim(MAY_2026, List.of(), ClaimLine.of("99213", 2), ClaimLine.of("99213", 1)));
    List<Finding> perLine =
        run(
            new MueRule(),
            claim(MAY_2026, List.of(), ClaimLine.of("99486", 4), ClaimLine.of("99486", 4)));

    assertThat(summed).singleElement().satisfies(f -> assertThat(f.lines()).containsExactly(1, 2));
    assertThat(summed.get(0).source().file())
        .isEqualTo("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv, line 10348");
    assertThat(perLine).isEmpty();
  }

  @Test
  void anAddOnCodeNeedsItsPrimaryOnTheSameDate() {
    assertThat(run(new AddOnCodeRule(), claim(MAY_2026, List.of(), ClaimLine.of("99292", 1))))
        .extracting(Finding::rule)
        .containsExactly("ncci-add-on.primary-missing");
    assertThat(
            run(
                new AddOnCodeRule(),
                claim(MAY_2026, List.of(), ClaimLine.of("99292", 1), ClaimLine.of("99291", 1))))
        .isEmpty();
  }

  @Test
  void excludes1ReadsTheTabularListOfTheFiscalYear() {
    Claim claim =
        new Claim(
            ClaimSetting.INPATIENT, FY2021, null, null, List.of("F45.8", "G47.63"), List.of());

    assertThat(run(new Excludes1Rule(), claim))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.codes()).containsExactly("F45.8", "G47.63");
              assertThat(f.fix()).contains("I.A.12.a", "unrelated");
              assertThat(f.source().release()).isEqualTo("ICD-10-CM FY2021");
            });
    assertThat(
            run(
                new Excludes1Rule(),
                new Claim(
                    ClaimSetting.INPATIENT,
                    FY2021,
                    null,
                    null,
                    List.of("E11.9", "I10"),
                    List.of())))
        .isEmpty();
  }
}
