package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.Release;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** The NCCI releases of 2026 Q2 as imported, and the lookups the claim checker will make. */
class NcciTablesTest extends RunningApplication {

  private static final LocalDate IN_Q2 = LocalDate.of(2026, 5, 1);

  @Autowired NcciTables tables;

  private Release active(String dataset) {
    return codeSets.activeReleases(dataset).stream()
        .filter(r -> r.version().equals("2026Q2"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dataset + " 2026Q2 is not active"));
  }

  @Test
  void theMueReleaseOf2026Q2HoldsEverySettingsTable() {
    Release mue = active(NcciTables.MUE_DATASET);

    // Codes per file, counted in cms/MANIFEST.md.
    assertThat(mue.count("practitionerCodes")).isEqualTo(15_095);
    assertThat(mue.count("outpatientHospitalCodes")).isEqualTo(15_045);
    assertThat(mue.count("dmeCodes")).isEqualTo(3_083);
    assertThat(mue.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(mue.effectiveTo()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(mue.missing()).isEmpty();
    assertThat(mue.files())
        .filteredOn(f -> f.role().equals("practitioner"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.sha256())
                    .isEqualTo("720027c47fd38f3194bbe332d7cd7e6940cdc1e1945d08d46000945c7ce6494c"));
  }

  @Test
  void theAddOnCodeReleaseOf2026Q2HoldsEveryEdit() {
    Release aoc = active(NcciTables.ADD_ON_DATASET);

    assertThat(aoc.count("edits")).isEqualTo(9_000);
    assertThat(aoc.count("addOnCodes")).isEqualTo(830);
    assertThat(aoc.count("type1Edits")).isEqualTo(8_293);
    assertThat(aoc.count("type2Edits")).isEqualTo(47);
    assertThat(aoc.count("type3Edits")).isEqualTo(660);
    assertThat(aoc.count("editsWithoutDeletionDate")).isEqualTo(7_740);
  }

  @Test
  void anMueIsTheValueOfTheSettingsFileInForceOnTheDate() {
    // MCR_MUE_PractitionerServices_Eff_04-01-2026.csv, line 10348:
    // 99213,2,3 Date of Service Edit: Clinical,Clinical: Data
    assertThat(tables.mue(Setting.PRACTITIONER, "99213", IN_Q2))
        .contains(
            new Mue(
                Setting.PRACTITIONER,
                "99213",
                2,
                MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
                "Clinical: Data",
                10_348));
    // Outpatient hospital line 10375: 99291,1,2 Date of Service Edit: Policy,CMS Policy
    assertThat(tables.mue(Setting.OUTPATIENT_HOSPITAL, "99291", IN_Q2))
        .hasValueSatisfying(
            m -> {
              assertThat(m.value()).isEqualTo(1);
              assertThat(m.indicator()).isEqualTo(MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY);
              assertThat(m.rationale()).isEqualTo("CMS Policy");
            });
    // DME line 38: A4253,1,3 ...,Nature of Equipment; the practitioner table has it at 0.
    assertThat(tables.mue(Setting.DME, "a4253", IN_Q2)).map(Mue::value).contains(1);
    assertThat(tables.mue(Setting.PRACTITIONER, "A4253", IN_Q2)).map(Mue::value).contains(0);
    assertThat(tables.mue(Setting.DME, "99213", IN_Q2)).isEmpty();
  }

  @Test
  void noMueAnswersOutsideTheQuarterOfTheReleaseWeHold() {
    assertThat(tables.mue(Setting.PRACTITIONER, "99213", LocalDate.of(2025, 1, 1))).isEmpty();
    assertThat(tables.mue(Setting.PRACTITIONER, "99213", LocalDate.of(2026, 3, 31))).isEmpty();
    // After 2026-06-30 CMS has published a newer table that we do not hold: no answer, rather
    // than the Q2 value passed off as current.
    assertThat(tables.mue(Setting.PRACTITIONER, "99213", LocalDate.of(2026, 7, 1))).isEmpty();
    // Without a date, the newest release answers.
    assertThat(tables.mue(Setting.PRACTITIONER, "99213", null)).map(Mue::value).contains(2);
  }

  @Test
  void anAddOnCodeListsItsPrimaryCodesAndAPrimaryCodeItsAddOns() {
    // AOC_V2026Q2-MCR.xlsx row 8548: 1, 99292, , 99291, , 2013091, ,
    assertThat(tables.addOnEditsFor("99292", IN_Q2))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(AddOnEditType.LISTED_PRIMARIES_ONLY);
              assertThat(e.primaryCode()).isEqualTo("99291");
              assertThat(e.effective()).isEqualTo(LocalDate.of(2013, 4, 1));
              assertThat(e.deleted()).isNull();
            });
    assertThat(tables.addOnEditsFor("22614", IN_Q2))
        .extracting(AddOnEdit::primaryCode)
        .containsExactly("22600", "22610", "22612", "22630", "22633");
    // 99291 is primary to 99292 (type 1) and to 96160/96161 (type 3); 99481/99482 ended in 2014.
    assertThat(tables.addOnsForPrimary("99291", IN_Q2))
        .extracting(AddOnEdit::addOnCode)
        .containsExactlyInAnyOrder("96160", "96161", "99292");
    assertThat(tables.addOnEditsFor("99213", IN_Q2)).isEmpty();
  }

  @Test
  void deletedEditsStayInTheTableButAreNotInForce() {
    AddOnCodeEdits edits = tables.addOnCodeEdits(IN_Q2).orElseThrow();

    // The 118 edits of 22851 were deleted at the end of 2016 (AOC_Edit_DelDT 2016366).
    assertThat(edits.forAddOnCode("22851"))
        .hasSize(118)
        .allSatisfy(e -> assertThat(e.deleted()).isEqualTo(LocalDate.of(2016, 12, 31)))
        .allSatisfy(e -> assertThat(e.statusOn(IN_Q2)).isEqualTo(AddOnEdit.Status.ENDED));
    assertThat(tables.addOnEditsFor("22851", IN_Q2)).isEmpty();
    // 96131 with 96130: effective and deleted on 2019-01-01, "(Temporarily suspended retroactive
    // to 1/1/2019)", then a new edit from 2025-07-01 (2025182).
    assertThat(edits.forAddOnCode("96131"))
        .filteredOn(e -> e.statusOn(IN_Q2) == AddOnEdit.Status.DELETED_RETROACTIVELY)
        .singleElement()
        .satisfies(e -> assertThat(e.specialInstructions()).contains("retroactive"));
    assertThat(tables.addOnEditsFor("96131", IN_Q2))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.primaryCode()).isEqualTo("96130");
              assertThat(e.effective()).isEqualTo(LocalDate.of(2025, 7, 1));
            });
  }

  @Test
  void typeTwoAndTypeThreeEditsMayLeaveThePrimaryCodesToTheContractor() {
    // Type 2 lists no primary code (CCCCC in the file); type 3 adds a CCCCC row to its list.
    List<AddOnEdit> g0506 = tables.addOnEditsFor("G0506", IN_Q2);
    assertThat(g0506).allSatisfy(e -> assertThat(e.type().number()).isEqualTo(3));
    assertThat(g0506).filteredOn(e -> e.primaryCode() == null).hasSize(1);
    assertThat(g0506).extracting(AddOnEdit::primaryCode).contains("99213", "G0463");
    assertThat(tables.addOnEditsFor("0054T", IN_Q2))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(AddOnEditType.CONTRACTOR_DEFINED_PRIMARIES);
              assertThat(e.primaryCode()).isNull();
            });
  }
}
