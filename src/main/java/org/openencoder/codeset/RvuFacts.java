package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The PFS relative value file's rows for a CPT or HCPCS code: status, RVUs and the indicators that
 * govern payment (RVU26B.pdf gives their meanings).
 */
@Component
class RvuFacts implements CodeFactSource {

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

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
    for (Map<String, Object> row : store.json().readValue(rows.get(), ROWS)) {
      List<Fact> facts = new ArrayList<>();
      add(facts, "Status indicator", row.get("status"));
      add(facts, "Work RVU", row.get("workRvu"));
      add(facts, "Non-facility PE RVU", row.get("nonFacilityPeRvu"));
      add(facts, "Facility PE RVU", row.get("facilityPeRvu"));
      add(facts, "Malpractice RVU", row.get("mpRvu"));
      add(facts, "Non-facility total RVU", row.get("nonFacilityTotal"));
      add(facts, "Facility total RVU", row.get("facilityTotal"));
      add(facts, "Global days", row.get("globalDays"));
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
              CodeFactSource.Citation.of(release.get(), "pprrvu"),
              "Line " + row.get("line") + " of the file."));
    }
    return sections;
  }

  private static void add(List<Fact> facts, String label, Object value) {
    if (value != null && !value.toString().isBlank()) {
      facts.add(Fact.of(label, value.toString()));
    }
  }
}
