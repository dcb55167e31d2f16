package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;

/**
 * The PFS relative value file's rows for a CPT or HCPCS code: status, RVUs and the indicators that
 * govern payment (RVU26B.pdf gives their meanings).
 */
@Component
class RvuFacts implements CodeFactSource {

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  // RVU26B.pdf, "STATUS CODE".
  private static final Map<String, String> STATUS =
      Map.ofEntries(
          Map.entry("A", "Active code, paid separately under the fee schedule"),
          Map.entry("B", "Bundled code, payment always bundled into other services"),
          Map.entry("C", "Contractor-priced: the MAC sets RVUs case by case"),
          Map.entry("D", "Deleted code"),
          Map.entry("E", "Excluded from the fee schedule by regulation"),
          Map.entry("F", "Deleted/discontinued code, no grace period"),
          Map.entry("G", "Not valid for Medicare purposes; Medicare uses another code"),
          Map.entry("H", "Deleted modifier"),
          Map.entry("I", "Not valid for Medicare purposes; Medicare uses another code"),
          Map.entry("J", "Anesthesia service, no RVUs on this file"),
          Map.entry("M", "Measurement code, for reporting only"),
          Map.entry("N", "Non-covered service"),
          Map.entry("P", "Bundled/excluded code, no RVUs and no payment"),
          Map.entry("R", "Restricted coverage, special coverage instructions apply"),
          Map.entry("T", "Injection, paid only when no other fee schedule service that day"),
          Map.entry("X", "Statutory exclusion, not a physician service"));

  // RVU26B.pdf, "Global Surgery".
  private static final Map<String, String> GLOBAL_DAYS =
      Map.of(
          "000", "Endoscopic or minor procedure, same-day pre- and postoperative care included",
          "010", "Minor procedure with a 10-day postoperative period",
          "090", "Major surgery with a 1-day preoperative and 90-day postoperative period",
          "MMM", "Maternity code; usual global period does not apply",
          "XXX", "The global concept does not apply",
          "YYY", "The carrier determines the global period",
          "ZZZ", "Related to another service, always within its global period");

  private final CodeSets codeSets;
  private final JdbcReleaseStore store;

  RvuFacts(CodeSets codeSets, JdbcReleaseStore store) {
    this.codeSets = codeSets;
    this.store = store;
  }

  @Override
  public List<FactSection> factsFor(CodeSystem system, String code, LocalDate date) {
    if (system != CodeSystem.CPT && system != CodeSystem.HCPCS) {
      return List.of();
    }
    Optional<Release> release =
        date == null
            ? codeSets.activeReleases(Datasets.PFS_RVU).stream().findFirst()
            : codeSets.inForce(Datasets.PFS_RVU, date);
    if (release.isEmpty()) {
      return List.of();
    }
    Optional<String> rows = store.document(release.get().id(), "rvu", code);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<FactSection> sections = new ArrayList<>();
    // Read numbers as BigDecimal so 1.30 shows as the file prints it, not as 1.3.
    List<Map<String, Object>> parsed =
        store
            .json()
            .readerFor(ROWS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readValue(rows.get());
    for (Map<String, Object> row : parsed) {
      List<Fact> facts = new ArrayList<>();
      add(facts, "Status indicator", meaning(row.get("status"), STATUS));
      add(facts, "Work RVU", row.get("workRvu"));
      add(facts, "Non-facility PE RVU", row.get("nonFacilityPeRvu"));
      add(facts, "Facility PE RVU", row.get("facilityPeRvu"));
      add(facts, "Malpractice RVU", row.get("mpRvu"));
      add(facts, "Non-facility total RVU", row.get("nonFacilityTotal"));
      add(facts, "Facility total RVU", row.get("facilityTotal"));
      add(facts, "Global days", meaning(row.get("globalDays"), GLOBAL_DAYS));
      add(facts, "PC/TC indicator", row.get("pctc"));
      add(facts, "Multiple procedure indicator", row.get("multipleProcedure"));
      add(facts, "Bilateral surgery indicator", row.get("bilateralSurgery"));
      add(facts, "Assistant at surgery indicator", row.get("assistantSurgery"));
      add(facts, "Co-surgeons indicator", row.get("coSurgeons"));
      add(facts, "Team surgery indicator", row.get("teamSurgery"));
      add(facts, "Endoscopic base code", row.get("endoscopicBase"));
      add(facts, "Conversion factor", row.get("conversionFactor"));
      Object modifier = row.get("modifier");
      sections.add(
          new FactSection(
              "Medicare fee schedule RVUs" + (modifier == null ? "" : " with modifier " + modifier),
              facts,
              CodeFactSource.Citation.of(release.get(), "pprrvu")
                  .atLine(((Number) row.get("line")).longValue()),
              null));
    }
    return sections;
  }

  private static String meaning(Object value, Map<String, String> meanings) {
    if (value == null) {
      return null;
    }
    String meaning = meanings.get(value.toString());
    return meaning == null ? value.toString() : value + " = " + meaning;
  }

  private static void add(List<Fact> facts, String label, Object value) {
    if (value instanceof java.math.BigDecimal number) {
      facts.add(Fact.of(label, number.toPlainString()));
    } else if (value != null && !value.toString().isBlank()) {
      facts.add(Fact.of(label, value.toString()));
    }
  }
}
