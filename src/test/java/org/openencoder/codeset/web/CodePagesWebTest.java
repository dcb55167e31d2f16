package org.openencoder.codeset.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.persistence.JdbcPlainLanguage;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** Code pages, browse pages and the JSON API over HTTP, on the real releases. */
class CodePagesWebTest extends RunningApplication {

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired JdbcPlainLanguage plainLanguage;

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCodePageShowsTheDescriptorTheReleaseAndItsSource() throws Exception {
    HttpResponse<String> page = get("/codes/icd10cm/E11.9");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Type 2 diabetes mellitus without complications")
        .contains("ICD-10-CM FY2026")
        .contains("icd10cm-order-2026.txt")
        .contains("a852eb91b3344ae38476e63816976ee1eeb94dcced7151118324f060e8499f88")
        // FY2026 has no Tabular List here: the page says so instead of borrowing FY2021 notes.
        .contains("Not loaded for this release")
        .doesNotContain("Instructional notes");
  }

  @Test
  void tabularNotesOfTheReleaseInForceAreShownWithTheirCodesLinked() throws Exception {
    HttpResponse<String> page = get("/codes/icd10cm/S52521?date=2021-05-01");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("ICD-10-CM FY2021")
        .contains("traumatic amputation of forearm (S58.-)")
        .contains("href=\"/codes/icd10cm/S58?date=2021-05-01\"")
        .contains("initial encounter for closed fracture")
        .contains("S52.521A");
  }

  @Test
  void theCodeApiAnswersWithTheSameFactsAndTheSeventhCharacters() throws Exception {
    HttpResponse<String> api = get("/api/v1/codes/icd10cm/T07?date=2021-01-01");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"displayCode\":\"T07\"")
        .contains("\"version\":\"FY2021\"")
        // Guideline I.A.5: T07 takes the placeholder X up to the 6th position.
        .contains("\"fullCode\":\"T07XXXA\"")
        .contains("\"placeholderNeeded\":true");
  }

  @Test
  void theFy2026CodesWhoseSecondCharacterIsALetterHaveTheirPages() throws Exception {
    // QA0 (FY2026, neurodevelopmental disorders related to genetic variants) is the one
    // category whose second character is a letter.
    HttpResponse<String> api = get("/api/v1/codes/icd10cm/QA0012");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"version\":\"FY2026\"").contains("Neurodevelopmental");
    // A word is still no code: the second shape wants a digit third.
    assertThat(get("/api/v1/codes/icd10cm/HEAD").body()).contains("\"status\":\"INVALID_SHAPE\"");
  }

  @Test
  void anUnknownCodeGetsA404WithTheNearestValidCodes() throws Exception {
    HttpResponse<String> page = get("/codes/icd10cm/E11.99");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Did you mean").contains("E11.9");
    HttpResponse<String> api = get("/api/v1/codes/icd10cm/E1199");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).contains("\"status\":\"NOT_IN_RELEASE\"").contains("\"code\":\"E119\"");
  }

  @Test
  void badInputGetsAClearErrorNotA500() throws Exception {
    assertThat(get("/codes/icd9/250.00").statusCode()).isEqualTo(404);
    HttpResponse<String> badDate = get("/api/v1/codes/icd10cm/E119?date=2026-13-45");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("is not a date");
    assertThat(get("/codes/icd10cm/%21%21%21").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/codes/icd10cm/E119?date=1999-01-01").statusCode()).isEqualTo(404);
  }

  @Test
  void pcsPagesSpellOutEveryCharacterFromTheTables() throws Exception {
    HttpResponse<String> api = get("/api/v1/codes/icd10pcs/0DTJ4ZZ");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"axis\":\"Operation\"")
        .contains("\"label\":\"Resection\"")
        .contains("\"label\":\"Appendix\"")
        .contains("\"label\":\"Percutaneous Endoscopic\"");
  }

  @Test
  void hcpcsPagesShowTheCmsRecord() throws Exception {
    HttpResponse<String> page = get("/codes/hcpcs/A4253");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("HCPCS Level II October 2025").contains("Coverage code");
  }

  @Test
  void releasesApiListsFilesCountsAndMissingFiles() throws Exception {
    HttpResponse<String> api = get("/api/v1/releases");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"billableCodes\":74719")
        .contains("\"validCodes\":79115")
        .contains("\"modifiers\":383")
        .contains("\"role\":\"tabular\"")
        .contains("\"sha256\":");
  }

  @Test
  void browsePagesAndTheStatusPageRender() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(get("/releases").body()).contains("ICD-10-PCS FY2026").contains("Latest import run");
    assertThat(get("/browse/icd10cm").statusCode()).isEqualTo(200);
    assertThat(get("/browse/icd10cm/E").body()).contains("E11");
    assertThat(get("/browse/icd10cm/19?date=2021-05-01").body()).contains("S52");
    assertThat(get("/browse/icd10pcs/0").body()).contains("0DT");
    assertThat(get("/browse/hcpcs/modifiers").body()).contains("25");
    assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void aWrittenPlainLanguageDescriptionShowsOnlyOnceReviewed() throws Exception {
    long id =
        plainLanguage.draft(
            "icd10cm",
            "K3580",
            "Appendicitis that came on suddenly, not otherwise described.",
            "a.writer");
    assertThat(get("/codes/icd10cm/K35.80").body()).doesNotContain("came on suddenly");

    plainLanguage.review(id, "a.reviewer", true);

    assertThat(get("/codes/icd10cm/K35.80").body())
        .contains("Appendicitis that came on suddenly")
        .contains("a.writer");
  }

  @Test
  void cptPagesShowTheRvuFactsAndTheLicenceNoticeButNoDescriptor() throws Exception {
    HttpResponse<String> page = get("/codes/cpt/99213?date=2026-07-15");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("shown only under a CPT licence")
        .contains("Medicare PFS relative value file RVU26C")
        .contains("PPRRVU2026_Jul_nonQPP.csv, line")
        .contains("A = Active code");
    // 99213 in RVU26C: work RVU 1.30 and non-facility total 2.85, as the file gives them.
    HttpResponse<String> api = get("/api/v1/codes/cpt/99213?date=2026-07-15");
    assertThat(api.body())
        .contains("\"title\":null")
        .contains("{\"label\":\"Work RVU\",\"value\":\"1.30\"")
        .contains("{\"label\":\"Non-facility total RVU\",\"value\":\"2.85\"");
    // In April 2026 the RVU26B release answers.
    assertThat(get("/api/v1/codes/cpt/99213?date=2026-04-15").body()).contains("RVU26B");
  }

  @Test
  void aReleaseWithOnlyItsIndexTablesStillShowsTheTermsThatLeadToACode() throws Exception {
    HttpResponse<String> api = get("/api/v1/codes/icd10cm/T51.3X1A?date=2025-05-01");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body())
        .contains("\"status\":\"CODE_LIST_MISSING\"")
        .contains("ICD-10-CM FY2025 (index tables only)")
        .contains("\"path\":[\"1-propanol\"]")
        .contains("\"column\":\"Poisoning Accidental (unintentional)\"");
  }

  @Test
  void theOrderFileAddendaSayWhenACodeWasAddedDeletedOrTurnedIntoAHeader() throws Exception {
    HttpResponse<String> deleted = get("/api/v1/codes/icd10cm/S30.1XXA?date=2026-01-01");
    assertThat(deleted.statusCode()).isEqualTo(404);
    assertThat(deleted.body())
        .contains("Deleted effective 2025-10-01")
        .contains("Contusion of abdominal wall, initial encounter");
    assertThat(get("/api/v1/codes/icd10cm/B88.0").body())
        .contains("from 2025-10-01 it is a header");
    assertThat(get("/api/v1/codes/icd10cm/B88.01").body())
        .contains("New code, effective 2025-10-01");
    assertThat(get("/api/v1/releases").body()).contains("\"addendaDeletions\":28");
  }

  @Test
  void aPcsTablePageShowsItsAxesAndRowsLikeThePrintedTable() throws Exception {
    HttpResponse<String> page = get("/codes/icd10pcs/0DT");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Table <span>0DT</span>")
        .contains("Resection")
        .contains("4. Body Part")
        .contains("Appendix")
        .contains("0DTJ4ZZ");
  }
}
