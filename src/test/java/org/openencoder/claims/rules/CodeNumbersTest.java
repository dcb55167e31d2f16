package org.openencoder.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openencoder.claims.ClaimLine;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.ncci.Setting;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checker looks codes up by number ({@link ClaimLine#numberOf}, {@link BillableDiagnoses}); on
 * every code of every loaded release, and on codes no release lists, the numbered tables give the
 * answers of the code lists and edit tables they are built from.
 */
class CodeNumbersTest extends RunningApplication {

  /** Dates with different sets of tables: PTP 2024 Q3, RVU26B with MUE and AOC 2026 Q2, FY2021. */
  private static final List<LocalDate> DATES =
      List.of(LocalDate.of(2024, 8, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2021, 3, 1));

  @Autowired ReleasesOnDates tables;

  private List<String> everyCode() {
    List<String> codes = new ArrayList<>();
    for (Release release : codeSets.activeReleases()) {
      codeSets.catalog(release.id()).ifPresent(c -> c.entries().forEach(e -> codes.add(e.code())));
    }
    return codes;
  }

  @Test
  void twoCodesHaveTheSameNumberOnlyWhenTheyAreTheSameCode() {
    Map<Integer, String> byNumber = new HashMap<>();
    int numbered = 0;
    for (String code : everyCode()) {
      int number = ClaimLine.numberOf(code);
      boolean fiveCharacters = code.length() == 5 && code.chars().allMatch(c -> isDigitOrUpper(c));
      assertThat(number >= 0).as(code).isEqualTo(fiveCharacters);
      if (number >= 0) {
        numbered++;
        String before = byNumber.putIfAbsent(number, code);
        assertThat(before == null || before.equals(code)).as("%s and %s", before, code).isTrue();
        // Whether a line's code is a CPT number, told from its number as from its text.
        assertThat(CodeValidityRule.isCpt(number)).as(code).isEqualTo(CodeValidityRule.isCpt(code));
      }
    }
    // CPT numbers of the RVU files and HCPCS Level II codes, so the comparison was not vacuous.
    assertThat(numbered).isGreaterThan(20_000);
    assertThat(ClaimLine.of("99213", 1).codeNumber()).isEqualTo(ClaimLine.numberOf("99213"));
  }

  @Test
  void theBillableDiagnosesAreTheBillableCodesOfTheCodeList() {
    Random random = new Random(5);
    int checked = 0;
    for (Release release : codeSets.activeReleases(CodeSystem.ICD10CM.dataset())) {
      CodeCatalog catalog = codeSets.catalog(release.id()).orElse(null);
      if (catalog == null || catalog.size() == 0) {
        continue;
      }
      BillableDiagnoses billable = new BillableDiagnoses(catalog);
      for (CodeEntry entry : catalog.entries()) {
        assertThat(billable.contains(entry.code())).as(entry.code()).isEqualTo(entry.billable());
        // The same code with its last character changed: billable only if the list says so.
        String changed =
            entry.code().substring(0, entry.code().length() - 1)
                + (char) ('A' + random.nextInt(26));
        CodeEntry listed = catalog.get(changed).orElse(null);
        assertThat(billable.contains(changed))
            .as(changed)
            .isEqualTo(listed != null && listed.billable());
        checked++;
      }
      assertThat(billable.contains("E119X")).isFalse();
      assertThat(billable.contains("")).isFalse();
    }
    assertThat(checked).isGreaterThan(70_000);
  }

  @Test
  void aCodesFactsAreWhatEachTableInForceSaysAboutIt() {
    List<String> codes = new ArrayList<>();
    for (String code : everyCode()) {
      if (ClaimLine.numberOf(code) >= 0) {
        codes.add(code);
      }
    }
    // Codes no table names: they share facts that say nothing.
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      codes.add(String.format("%04d", random.nextInt(10_000)) + (char) ('A' + random.nextInt(26)));
      codes.add((char) ('A' + random.nextInt(26)) + String.format("%04d", random.nextInt(10_000)));
    }
    int withMue = 0;
    int withPtp = 0;
    int addOns = 0;
    for (LocalDate date : DATES) {
      ReleasesInForce on = tables.on(date);
      for (String code : codes) {
        ProcedureCodes.Code facts = on.procedureCodes.get(code, ClaimLine.numberOf(code));
        CodeCatalog catalog = CodeValidityRule.isCpt(code) ? on.cpt : on.hcpcs;
        assertThat(facts.listed)
            .as("%s on %s", code, date)
            .isEqualTo(catalog == null ? null : catalog.get(code).orElse(null));
        for (Setting setting : Setting.values()) {
          var mue = on.mue == null ? null : on.mue.edit(setting, code);
          assertThat(facts.mue(setting)).as("%s %s on %s", code, setting, date).isEqualTo(mue);
          int limit = facts.mueLimit(setting);
          assertThat(limit < 0).isEqualTo(mue == null);
          if (mue != null) {
            withMue++;
            assertThat(ProcedureCodes.Code.mueValue(limit)).isEqualTo(mue.value());
            assertThat(ProcedureCodes.Code.lineEdit(limit))
                .isEqualTo(mue.indicator().number() == 1);
          }
          var ptp = on.ptp(setting);
          assertThat(facts.ptpNumber(setting))
              .as("%s %s on %s", code, setting, date)
              .isEqualTo(ptp == null ? -1 : ptp.codeNumber(code));
          withPtp += facts.ptpNumber(setting) >= 0 ? 1 : 0;
        }
        assertThat(facts.addOnEdits)
            .isEqualTo(on.addOns == null ? List.of() : on.addOns.forAddOnCode(code));
        addOns += facts.addOnEdits.isEmpty() ? 0 : 1;
      }
    }
    assertThat(withMue).isGreaterThan(10_000);
    assertThat(withPtp).isGreaterThan(10_000);
    assertThat(addOns).isGreaterThan(100);
  }

  private static boolean isDigitOrUpper(int c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
  }
}
