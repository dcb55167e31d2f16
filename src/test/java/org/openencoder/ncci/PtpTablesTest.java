package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.Release;
import org.openencoder.ncci.persistence.JdbcPtpEdits;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The derived PTP tables of 2024 as imported from the mirror, checked against the counts and sample
 * rows of cms/ncci-ptp/MANIFEST.md, and the lookups the claim checker makes.
 */
class PtpTablesTest extends RunningApplication {

  private static final LocalDate IN_Q3_2024 = LocalDate.of(2024, 8, 15);
  private static final LocalDate IN_Q2_2024 = LocalDate.of(2024, 5, 15);

  @Autowired NcciTables tables;
  @Autowired JdbcPtpEdits stored;
  @Autowired JsonMapper json;

  private Release active(String dataset, String version) {
    return codeSets.activeReleases(dataset).stream()
        .filter(r -> r.version().equals(version))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dataset + " " + version + " is not active"));
  }

  @Test
  void thePractitionerTableOf2024Q3HoldsEveryRowOfTheManifest() {
    Release release = active(NcciTables.PTP_PRACTITIONER_DATASET, "2024Q3");

    assertThat(release.count("rows")).isEqualTo(2_546_017);
    assertThat(release.count("activeRows")).isEqualTo(1_669_820);
    assertThat(release.count("modifier1Rows")).isEqualTo(1_707_611);
    assertThat(release.count("modifier0Rows")).isEqualTo(739_553);
    assertThat(release.count("modifier9Rows")).isEqualTo(98_853);
    assertThat(release.count("activeModifier1Rows")).isEqualTo(1_160_873);
    assertThat(release.count("activeModifier0Rows")).isEqualTo(508_947);
    assertThat(release.count("activeModifier9Rows")).isZero();
    assertThat(release.count("column1Codes")).isEqualTo(12_828);
    assertThat(release.count("codes")).isEqualTo(13_047);
    assertThat(release.count("latestDeletionDate")).isEqualTo(20240630);
    assertThat(release.count("rowsWithoutEffectiveDate")).isEqualTo(2_546_017);
    assertThat(release.title()).contains("without the Effective Date column");
    assertThat(release.effectiveFrom()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(release.effectiveTo()).isEqualTo(LocalDate.of(2024, 9, 30));
    assertThat(release.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.sha256())
                  .isEqualTo("b03438dcdd3e26aa30b617c2505f203ea7a31671516b254394df7036ebac7630");
              assertThat(f.note()).contains("start date of an edit is unknown");
            });
    assertThat(stored.count(release.id())).isEqualTo(2_546_017);
  }

  @Test
  void theOtherDerivedTablesHoldTheirManifestCounts() {
    Release hospital = active(NcciTables.PTP_HOSPITAL_DATASET, "2024Q3");
    assertThat(hospital.count("rows")).isEqualTo(1_775_818);
    assertThat(hospital.count("activeRows")).isEqualTo(1_335_857);
    assertThat(hospital.count("modifier1Rows")).isEqualTo(1_685_259);
    assertThat(hospital.count("modifier0Rows")).isEqualTo(60_675);
    assertThat(hospital.count("modifier9Rows")).isEqualTo(29_884);
    assertThat(hospital.count("codes")).isEqualTo(12_358);

    Release q2 = active(NcciTables.PTP_PRACTITIONER_DATASET, "2024Q2");
    assertThat(q2.count("rows")).isEqualTo(2_545_089);
    assertThat(q2.count("activeRows")).isEqualTo(1_669_187);
    assertThat(q2.count("rowsInExistencePrior1996")).isEqualTo(2_093);
    assertThat(q2.count("latestDeletionDate")).isEqualTo(20240331);
    assertThat(q2.count("column1Codes")).isEqualTo(12_797);
  }

  @Test
  void theTableInForceAnswersThePairsOfTheManifestSample() {
    PtpTable table = tables.ptpTable(Setting.PRACTITIONER, IN_Q3_2024).orElseThrow();
    assertThat(table.release().version()).isEqualTo("2024Q3");
    assertThat(table.size()).isEqualTo(2_546_017);
    assertThat(table.effectiveDatesKnown()).isFalse();

    // 29881/29877 has two rows: "*" modifier 0, and 20020101 modifier 9 (never in force).
    PtpEdit knee = table.edit("29881", "29877", IN_Q3_2024).orElseThrow();
    assertThat(knee.modifierIndicator()).isEqualTo(PtpModifierIndicator.NOT_ALLOWED);
    assertThat(knee.deleted()).isNull();
    assertThat(knee.effective()).isNull();
    assertThat(knee.effectiveDateKnown()).isFalse();
    assertThat(knee.rationale()).isEqualTo("Misuse of Column Two code with Column One code");
    assertThat(knee.file()).isEqualTo("ptp_practitioner_v30.2_2024q3_no-effective-date.tsv.gz");
    assertThat(table.rows("29881", "29877"))
        .extracting(PtpEdit::modifierIndicator)
        .containsExactlyInAnyOrder(
            PtpModifierIndicator.NOT_ALLOWED, PtpModifierIndicator.NOT_APPLICABLE);
    // The order matters: 29877 is the column 2 code.
    assertThat(table.edit("29877", "29881", IN_Q3_2024)).isEmpty();

    PtpEdit ecg = table.edit("93000", "93010", IN_Q3_2024).orElseThrow();
    assertThat(ecg.modifierIndicator()).isEqualTo(PtpModifierIndicator.ALLOWED);
    assertThat(ecg.rationale()).isEqualTo("HCPCS/CPT procedure code definition");

    // 0001A/0591T ended on 20231231: not in force in 2024, in force on its last day.
    assertThat(table.edit("0001A", "0591T", IN_Q3_2024)).isEmpty();
    PtpEdit vaccine = table.rows("0001A", "0591T").get(0);
    assertThat(vaccine.deleted()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(vaccine.inForceOn(LocalDate.of(2023, 12, 31))).isTrue();
    assertThat(vaccine.inForceOn(LocalDate.of(2024, 1, 1))).isFalse();
  }

  @Test
  void editsAmongFindsEveryPairOfAClaimInEitherOrder() {
    PtpTable table = tables.ptpTable(Setting.PRACTITIONER, IN_Q3_2024).orElseThrow();

    List<String> codes = List.of("93010", "29877", "99999", "29881", "93000");
    List<PtpEdit> edits = table.editsAmong(codes, IN_Q3_2024);

    // Besides the two sample pairs, the knee arthroscopies bundle the ECG codes (standards of
    // medical/surgical practice): every ordered pair the table answers, and no other.
    List<PtpEdit> onePairAtATime = new ArrayList<>();
    for (String first : codes) {
      for (String second : codes) {
        table.edit(first, second, IN_Q3_2024).ifPresent(onePairAtATime::add);
      }
    }
    assertThat(edits).containsExactlyInAnyOrderElementsOf(onePairAtATime);
    assertThat(edits)
        .extracting(PtpEdit::pair)
        .contains("29881/29877", "93000/93010", "29881/93000")
        .doesNotContain("29877/29881");
    assertThat(table.edit("29881", "93000", IN_Q3_2024).orElseThrow().rationale())
        .isEqualTo("Standards of medical/surgical practice");
    assertThat(table.editsAmong(List.of("29881"), IN_Q3_2024)).isEmpty();
  }

  @Test
  void eachDateOfServiceGetsTheReleaseOfItsQuarterAndSetting() {
    assertThat(tables.ptpTable(Setting.PRACTITIONER, IN_Q2_2024))
        .get()
        .satisfies(t -> assertThat(t.release().version()).isEqualTo("2024Q2"));
    assertThat(tables.ptpTable(Setting.OUTPATIENT_HOSPITAL, IN_Q3_2024))
        .get()
        .satisfies(
            t -> {
              assertThat(t.setting()).isEqualTo(Setting.OUTPATIENT_HOSPITAL);
              assertThat(t.size()).isEqualTo(1_775_818);
            });
    assertThat(tables.ptpTable(Setting.OUTPATIENT_HOSPITAL, IN_Q2_2024)).isEmpty();
    assertThat(tables.ptpTable(Setting.DME, IN_Q3_2024)).isEmpty();
    assertThat(tables.ptpTable(Setting.PRACTITIONER, LocalDate.of(2025, 3, 1))).isEmpty();
  }

  @Test
  void aCodePageCountsThePtpEditsOfTheCodeAndCitesTheTable() throws Exception {
    // Code pages use only tables already in memory: load the newest one first.
    PtpTable table = tables.ptpTable(Setting.PRACTITIONER, null).orElseThrow();
    LocalDate asOf = table.release().effectiveFrom();
    int column2Codes = table.column2Edits("29881", asOf).size();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/codes/cpt/29881"))).build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode section = null;
    for (JsonNode facts : json.readTree(response.body()).get("facts")) {
      if (facts
          .get("title")
          .asString()
          .equals("NCCI PTP edits, Practitioner services: column 2 codes of 29881")) {
        section = facts;
      }
    }

    assertThat(section).isNotNull();
    assertThat(section.get("facts").get(0).get("value").asString()).startsWith(column2Codes + " (");
    assertThat(section.get("facts")).hasSize(1 + Math.min(PtpCodeFacts.LISTED, column2Codes));
    assertThat(section.get("source").get("file").asString())
        .isEqualTo("ptp_practitioner_v30.2_2024q3_no-effective-date.tsv.gz");
    assertThat(section.get("note").asString()).contains("start date is unknown");
  }
}
