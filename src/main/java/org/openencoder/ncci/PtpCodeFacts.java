package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeFactSource;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.springframework.stereotype.Component;

/**
 * The NCCI PTP edits of a CPT or HCPCS code in force on a date, per setting: how many column 2
 * codes it bundles as the column 1 code, how many column 1 codes bundle it, and the first of them.
 * Only tables already in memory answer: a page does not wait for a table to load.
 */
@Component
class PtpCodeFacts implements CodeFactSource {

  /** A code can have over a thousand edits; the page names the first ones and counts the rest. */
  static final int LISTED = 25;

  private final NcciTables tables;

  PtpCodeFacts(NcciTables tables) {
    this.tables = tables;
  }

  @Override
  public List<FactSection> factsFor(CodeSystem system, String code, @Nullable LocalDate date) {
    if (system != CodeSystem.CPT && system != CodeSystem.HCPCS) {
      return List.of();
    }
    List<FactSection> sections = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      tables
          .loadedPtpTable(setting, date)
          .ifPresent(
              table -> {
                LocalDate asOf = NcciTables.asOf(table.release(), date);
                List<PtpEdit> asColumn1 = table.column2Edits(code, asOf);
                List<PtpEdit> asColumn2 = table.column1Edits(code, asOf);
                if (!asColumn1.isEmpty()) {
                  sections.add(
                      section(
                          table,
                          "NCCI PTP edits, "
                              + setting.displayName()
                              + ": column 2 codes of "
                              + code,
                          asColumn1,
                          PtpEdit::column2,
                          asOf,
                          date));
                }
                if (!asColumn2.isEmpty()) {
                  sections.add(
                      section(
                          table,
                          "NCCI PTP edits, "
                              + setting.displayName()
                              + ": column 1 codes that bundle "
                              + code,
                          asColumn2,
                          PtpEdit::column1,
                          asOf,
                          date));
                }
              });
    }
    return sections;
  }

  private static FactSection section(
      PtpTable table,
      String title,
      List<PtpEdit> edits,
      Function<PtpEdit, String> other,
      LocalDate asOf,
      @Nullable LocalDate date) {
    long allowed =
        edits.stream().filter(e -> e.modifierIndicator() == PtpModifierIndicator.ALLOWED).count();
    List<Fact> facts = new ArrayList<>();
    facts.add(
        Fact.of(
            "Edits in force",
            edits.size()
                + " ("
                + allowed
                + " with modifier indicator 1 = allowed, "
                + (edits.size() - allowed)
                + " with 0 = not allowed)"));
    for (PtpEdit edit : edits.subList(0, Math.min(LISTED, edits.size()))) {
      String code = other.apply(edit);
      String system =
          CodeSystem.CPT.hasShape(code)
              ? CodeSystem.CPT.slug()
              : CodeSystem.HCPCS.hasShape(code) ? CodeSystem.HCPCS.slug() : null;
      facts.add(
          new Fact(
              "Modifier " + edit.modifierIndicator().display() + ", " + edit.rationale(),
              code,
              system,
              system == null ? null : code));
    }
    Release release = table.release();
    String on = date != null ? "on " + date : "on " + asOf + ", the first day of the release";
    String note =
        "In force "
            + on
            + (edits.size() > LISTED
                ? "; the first " + LISTED + " of " + edits.size() + " in code order are listed"
                : "")
            + "."
            + (table.effectiveDatesKnown()
                ? ""
                : " This table is a derived copy without the Effective Date column: an edit's start"
                    + " date is unknown, so an edit listed may have started after the date.");
    return new FactSection(title, facts, Citation.of(release, firstFileRole(release)), note);
  }

  private static String firstFileRole(Release release) {
    return release.files().stream()
        .filter(Release.SourceFileRecord::present)
        .map(Release.SourceFileRecord::role)
        .findFirst()
        .orElse(NcciTables.PTP_FILE_ROLES.get(0));
  }
}
