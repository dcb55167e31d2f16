package org.openencoder.codeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;

/** The start-up import of every release in the mirror, checked against the official counts. */
class ReleasesImportTest extends RunningApplication {

  private Release active(String dataset, String version) {
    return codeSets.activeReleases(dataset).stream()
        .filter(r -> r.version().equals(version))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dataset + " " + version + " is not active"));
  }

  @Test
  void icd10cmFy2026HasTheOfficialBillableCountAndSaysWhatItLacks() {
    Release fy2026 = active(Datasets.ICD10CM, "FY2026");
    assertThat(fy2026.count("billableCodes")).isEqualTo(74_719);
    assertThat(fy2026.count("headers")).isEqualTo(23_467);
    assertThat(fy2026.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(fy2026.missing())
        .extracting(Release.MissingFile::role)
        .containsExactlyInAnyOrder("tabular", "index", "eindex", "drug", "neoplasm");
    assertThat(fy2026.files())
        .filteredOn(f -> f.role().equals("order"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.sha256())
                    .isEqualTo("a852eb91b3344ae38476e63816976ee1eeb94dcced7151118324f060e8499f88"));
  }

  @Test
  void icd10cmFy2021KeepsEveryExcludes1NoteOfItsTabularList() {
    Release fy2021 = active(Datasets.ICD10CM, "FY2021");
    assertThat(fy2021.count("billableCodes")).isEqualTo(72_621);
    // 2,625 <excludes1> elements holding 5,441 individual notes (grep of the official XML).
    assertThat(fy2021.count("excludes1Notes")).isEqualTo(2_625);
    assertThat(fy2021.count("excludes1Entries")).isEqualTo(5_441);
    assertThat(fy2021.count("tabularEntries")).isEqualTo(45_017);
    assertThat(fy2021.missing()).isEmpty();
  }

  @Test
  void icd10pcsFy2026ListsEveryValidCodeAndItsTables() {
    Release pcs = active(Datasets.ICD10PCS, "FY2026");
    assertThat(pcs.count("validCodes")).isEqualTo(79_115);
    assertThat(pcs.count("tables")).isEqualTo(914);
    assertThat(pcs.count("tableCodes")).isEqualTo(79_115);
    assertThat(pcs.missing()).extracting(Release.MissingFile::role).containsExactly("index");
  }

  @Test
  void hcpcsOctober2025HasItsCodesAndModifiers() {
    Release hcpcs = active(Datasets.HCPCS, "2025-10");
    assertThat(hcpcs.count("codes")).isEqualTo(8_463);
    assertThat(hcpcs.count("modifiers")).isEqualTo(383);
    assertThat(hcpcs.count("codesWithoutTerminationDate")).isEqualTo(7_258);
  }

  @Test
  void fy2025IndexTablesImportAsTheirOwnReleaseWithoutACodeList() {
    Release fy2025 = active(Datasets.ICD10CM, "FY2025");
    assertThat(fy2025.count("drugCells")).isEqualTo(40_026);
    assertThat(fy2025.missing()).extracting(Release.MissingFile::role).containsExactly("order");
    assertThat(codeSets.catalog(fy2025.id()).orElseThrow().size()).isZero();
  }

  @Test
  void theDateOfServicePicksTheReleaseInForce() {
    CodeLookup in2021 = codeSets.lookup(CodeSystem.ICD10CM, "E11.9", LocalDate.of(2021, 5, 1));
    CodeLookup in2026 = codeSets.lookup(CodeSystem.ICD10CM, "e119", LocalDate.of(2026, 5, 1));
    CodeLookup in2019 = codeSets.lookup(CodeSystem.ICD10CM, "E11.9", LocalDate.of(2019, 5, 1));
    assertThat(in2021.release().version()).isEqualTo("FY2021");
    assertThat(in2026.release().version()).isEqualTo("FY2026");
    assertThat(in2026.entry().title()).isEqualTo("Type 2 diabetes mellitus without complications");
    assertThat(in2019.status()).isEqualTo(CodeLookup.Status.NO_RELEASE_IN_FORCE);
  }

  @Test
  void aCodeDeletedBetweenReleasesSaysWhichReleaseListsIt() {
    // Find a code FY2021 lists and FY2026 does not, from the files themselves.
    Release fy2021 = active(Datasets.ICD10CM, "FY2021");
    Release fy2026 = active(Datasets.ICD10CM, "FY2026");
    CodeCatalog newer = codeSets.catalog(fy2026.id()).orElseThrow();
    List<CodeEntry> deleted =
        codeSets.catalog(fy2021.id()).orElseThrow().entries().stream()
            .filter(e -> e.billable() && newer.get(e.code()).isEmpty())
            .toList();
    assertThat(deleted).isNotEmpty();
    CodeLookup lookup =
        codeSets.lookup(CodeSystem.ICD10CM, deleted.get(0).code(), LocalDate.of(2026, 1, 1));
    assertThat(lookup.status()).isEqualTo(CodeLookup.Status.NOT_IN_RELEASE);
    assertThat(lookup.otherReleasesListingIt()).extracting(Release::version).contains("FY2021");
    assertThat(lookup.nearest()).isNotEmpty();
  }
}
