package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeFactSource.Fact;
import org.openencoder.codeset.CodeFactSource.FactSection;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** NCCI facts on code pages and in the code API, cited to their file and release. */
class NcciCodePagesTest extends RunningApplication {

  private static final String PRACTITIONER_MUE =
      "Medically Unlikely Edits (MUE): Practitioner services";

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired JsonMapper json;

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<FactSection> facts(String path) throws IOException, InterruptedException {
    return json.convertValue(
        json.readTree(get(path).body()).get("facts"), new TypeReference<List<FactSection>>() {});
  }

  private static FactSection section(List<FactSection> sections, String title) {
    return sections.stream()
        .filter(s -> s.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No section " + title + " in " + sections));
  }

  private static List<String> values(FactSection section, String label) {
    return section.facts().stream().filter(f -> f.label().equals(label)).map(Fact::value).toList();
  }

  @Test
  void theCodeApiShowsThePractitionerMueOfTheFileCitedToItsRelease() throws Exception {
    FactSection mue = section(facts("/api/v1/codes/cpt/99213?date=2026-05-01"), PRACTITIONER_MUE);

    // MCR_MUE_PractitionerServices_Eff_04-01-2026.csv line 10348:
    // 99213,2,3 Date of Service Edit: Clinical,Clinical: Data
    assertThat(values(mue, "MUE value")).containsExactly("2");
    assertThat(values(mue, "Adjudication indicator (MAI)"))
        .containsExactly("3 = date of service edit: clinical");
    assertThat(values(mue, "Rationale")).containsExactly("Clinical: Data");
    assertThat(mue.source().file())
        .isEqualTo("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv, line 10348");
    assertThat(mue.source().release()).isEqualTo("Medicare NCCI MUE tables 2026 Q2");
    assertThat(mue.source().dataset()).isEqualTo(NcciTables.MUE_DATASET);
  }

  @Test
  void everySettingThatListsTheCodeHasItsOwnSection() throws Exception {
    List<FactSection> sections = facts("/api/v1/codes/hcpcs/A4253?date=2026-05-01");

    assertThat(sections)
        .extracting(FactSection::title)
        .contains(
            PRACTITIONER_MUE,
            "Medically Unlikely Edits (MUE): Outpatient hospital services",
            "Medically Unlikely Edits (MUE): DME supplier services");
    assertThat(values(section(sections, PRACTITIONER_MUE), "MUE value"))
        .containsExactly("0 (any unit reported in this setting exceeds the edit)");
    FactSection dme = section(sections, "Medically Unlikely Edits (MUE): DME supplier services");
    assertThat(values(dme, "MUE value")).containsExactly("1");
    assertThat(dme.source().file())
        .startsWith("MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv, line ");
  }

  @Test
  void anAddOnCodeLinksItsPrimaryCodesAndThePrimaryItsAddOn() throws Exception {
    FactSection addOn =
        section(facts("/api/v1/codes/cpt/99292?date=2026-05-01"), "Add-on code edits");
    assertThat(values(addOn, "Edit type")).singleElement().asString().startsWith("Type 1: ");
    assertThat(addOn.facts())
        .filteredOn(f -> f.label().equals("Primary code"))
        .containsExactly(new Fact("Primary code", "99291", "cpt", "99291"));
    assertThat(addOn.source().file()).isEqualTo("AOC_V2026Q2-MCR.xlsx");
    assertThat(addOn.note()).isNull();

    FactSection primary =
        section(
            facts("/api/v1/codes/cpt/99291?date=2026-05-01"),
            "Add-on code edits: add-on codes for this primary code");
    assertThat(primary.facts())
        .contains(
            new Fact("Add-on code (type 1)", "99292", "cpt", "99292"),
            new Fact("Add-on code (type 3)", "96160", "cpt", "96160"));

    FactSection spine =
        section(facts("/api/v1/codes/cpt/22614?date=2026-05-01"), "Add-on code edits");
    assertThat(spine.facts())
        .filteredOn(f -> f.label().equals("Primary code"))
        .extracting(Fact::code)
        .containsExactly("22600", "22610", "22612", "22630", "22633");
  }

  @Test
  void theCodePageLinksPrimaryCodesAtTheSameDateOfService() throws Exception {
    HttpResponse<String> page = get("/codes/cpt/99292?date=2026-05-01");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Add-on code edits")
        .contains("href=\"/codes/cpt/99291?date=2026-05-01\"")
        .contains("Medicare NCCI add-on code edits 2026 Q2");
  }

  @Test
  void deletedEditsAreShownAsSuchNotAsInForce() throws Exception {
    List<FactSection> sections = facts("/api/v1/codes/cpt/22851?date=2026-05-01");

    assertThat(sections).extracting(FactSection::title).doesNotContain("Add-on code edits");
    FactSection ended = section(sections, "Add-on code edits (ended)");
    assertThat(values(ended, "Deleted (last day in force)")).containsExactly("2016-12-31");
    assertThat(ended.note()).startsWith("Not in force on 2026-05-01");
  }

  @Test
  void aDateOutsideTheQuarterWeHoldShowsNoNcciFacts() throws Exception {
    // No release of any kind covers 2025-01-01 for CPT: a 404 that still carries the facts list.
    assertThat(facts("/api/v1/codes/cpt/99292?date=2025-01-01"))
        .extracting(FactSection::title)
        .noneMatch(t -> t.startsWith("Medically Unlikely Edits") || t.startsWith("Add-on code"));
    // 2026-08-01: RVU26C is in force, but the newest NCCI tables we hold are 2026 Q2's, which
    // CMS has replaced by then. The page shows the RVUs and no MUE or add-on facts.
    List<FactSection> august = facts("/api/v1/codes/cpt/99292?date=2026-08-01");
    assertThat(august)
        .extracting(FactSection::title)
        .contains("Medicare fee schedule RVUs")
        .noneMatch(t -> t.startsWith("Medically Unlikely Edits") || t.startsWith("Add-on code"));
  }
}
