package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeFactSource;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.ncci.AddOnEdit.Status;
import org.springframework.stereotype.Component;

/**
 * The NCCI edits in force on a date for a CPT or HCPCS code: its MUE in each setting that lists it,
 * the primary codes it may be reported with when it is an add-on code, and the add-on codes that
 * may go with it when it is a primary code. A date that no NCCI release covers gets no sections.
 */
@Component
class NcciCodeFacts implements CodeFactSource {

  private final NcciTables tables;

  NcciCodeFacts(NcciTables tables) {
    this.tables = tables;
  }

  @Override
  public List<FactSection> factsFor(CodeSystem system, String code, @Nullable LocalDate date) {
    if (system != CodeSystem.CPT && system != CodeSystem.HCPCS) {
      return List.of();
    }
    List<FactSection> sections = new ArrayList<>();
    tables
        .mueTable(date)
        .ifPresent(table -> table.forCode(code).forEach(m -> sections.add(mue(table, m))));
    tables
        .addOnCodeEdits(date)
        .ifPresent(
            edits -> {
              LocalDate asOf = NcciTables.asOf(edits.release(), date);
              sections.addAll(asAddOnCode(edits.release(), edits.forAddOnCode(code), asOf, date));
              sections.addAll(
                  asPrimaryCode(edits.release(), edits.forPrimaryCode(code), asOf, date));
            });
    return sections;
  }

  private static FactSection mue(MueTable table, Mue mue) {
    List<Fact> facts = new ArrayList<>();
    facts.add(
        Fact.of(
            "MUE value",
            mue.value() == 0
                ? "0 (any unit reported in this setting exceeds the edit)"
                : String.valueOf(mue.value())));
    facts.add(Fact.of("Adjudication indicator (MAI)", mue.indicator().display()));
    facts.add(Fact.of("How it applies", mue.indicator().explanation()));
    facts.add(Fact.of("Rationale", mue.rationale()));
    return new FactSection(
        "Medically Unlikely Edits (MUE): " + mue.setting().displayName(),
        facts,
        Citation.of(table.release(), mue.setting().role()).atLine(mue.line()),
        null);
  }

  /** The code as an add-on code: one section per status and edit type. */
  private static List<FactSection> asAddOnCode(
      Release release, List<AddOnEdit> edits, LocalDate asOf, @Nullable LocalDate date) {
    List<FactSection> sections = new ArrayList<>();
    Map<Status, Map<AddOnEditType, List<AddOnEdit>>> groups =
        edits.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.statusOn(asOf),
                    () -> new EnumMap<>(Status.class),
                    Collectors.groupingBy(
                        AddOnEdit::type,
                        () -> new EnumMap<>(AddOnEditType.class),
                        Collectors.toList())));
    for (Map.Entry<Status, Map<AddOnEditType, List<AddOnEdit>>> byStatus : groups.entrySet()) {
      Status status = byStatus.getKey();
      for (Map.Entry<AddOnEditType, List<AddOnEdit>> byType : byStatus.getValue().entrySet()) {
        AddOnEditType type = byType.getKey();
        List<AddOnEdit> group = byType.getValue();
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Edit type", type.display()));
        boolean contractorDefined = false;
        for (AddOnEdit edit : group) {
          if (edit.primaryCode() == null) {
            contractorDefined = true;
          } else {
            facts.add(linked("Primary code", edit.primaryCode()));
          }
        }
        if (contractorDefined) {
          facts.add(
              Fact.of(
                  "Primary codes",
                  type == AddOnEditType.CONTRACTOR_DEFINED_PRIMARIES
                      ? "None listed: each contractor defines its own (CCCCC in the file)"
                      : "Contractor-defined primary codes besides those listed (CCCCC in the"
                          + " file)"));
        }
        addDatesAndInstructions(facts, status, group, AddOnEdit::primaryCode);
        sections.add(
            new FactSection(
                "Add-on code edits" + qualifier(status),
                facts,
                Citation.of(release, "aoc"),
                note(status, group, release, asOf, date)));
      }
    }
    return sections;
  }

  /** The code as a primary code: the add-on codes that name it, one section per status. */
  private static List<FactSection> asPrimaryCode(
      Release release, List<AddOnEdit> edits, LocalDate asOf, @Nullable LocalDate date) {
    List<FactSection> sections = new ArrayList<>();
    Map<Status, List<AddOnEdit>> groups =
        edits.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.statusOn(asOf), () -> new EnumMap<>(Status.class), Collectors.toList()));
    for (Map.Entry<Status, List<AddOnEdit>> byStatus : groups.entrySet()) {
      Status status = byStatus.getKey();
      List<AddOnEdit> group = byStatus.getValue();
      List<Fact> facts = new ArrayList<>();
      for (AddOnEdit edit : group) {
        facts.add(linked("Add-on code (type " + edit.type().number() + ")", edit.addOnCode()));
      }
      addDatesAndInstructions(facts, status, group, AddOnEdit::addOnCode);
      sections.add(
          new FactSection(
              "Add-on code edits: add-on codes for this primary code" + qualifier(status),
              facts,
              Citation.of(release, "aoc"),
              note(status, group, release, asOf, date)));
    }
    return sections;
  }

  /**
   * The effective and deletion dates, and CMS's special instructions. Most groups share one date;
   * where edits differ, the commonest date is given and the others are named by the other code of
   * their pair.
   */
  private static void addDatesAndInstructions(
      List<Fact> facts,
      Status status,
      List<AddOnEdit> group,
      Function<AddOnEdit, String> otherCode) {
    facts.add(Fact.of("Effective", dates(group, AddOnEdit::effective, otherCode)));
    if (group.stream().anyMatch(e -> e.deleted() != null)) {
      facts.add(
          Fact.of(
              status == Status.DELETED_RETROACTIVELY ? "Deleted" : "Deleted (last day in force)",
              dates(group, AddOnEdit::deleted, otherCode)));
    }
    Map<String, List<String>> instructions = new LinkedHashMap<>();
    for (AddOnEdit edit : group) {
      if (edit.specialInstructions() != null) {
        instructions
            .computeIfAbsent(edit.specialInstructions(), k -> new ArrayList<>())
            .add(name(otherCode.apply(edit)));
      }
    }
    instructions.forEach(
        (text, codes) ->
            facts.add(
                Fact.of(
                    "Special instructions",
                    codes.size() == group.size() ? text : String.join(", ", codes) + ": " + text)));
  }

  private static String dates(
      List<AddOnEdit> group,
      Function<AddOnEdit, @Nullable LocalDate> date,
      Function<AddOnEdit, String> otherCode) {
    Map<LocalDate, List<String>> byDate = new LinkedHashMap<>();
    for (AddOnEdit edit : group) {
      LocalDate value = date.apply(edit);
      if (value != null) {
        byDate.computeIfAbsent(value, k -> new ArrayList<>()).add(name(otherCode.apply(edit)));
      }
    }
    LocalDate common =
        byDate.entrySet().stream()
            .max(Comparator.comparingInt(e -> e.getValue().size()))
            .orElseThrow()
            .getKey();
    List<String> others = new ArrayList<>();
    byDate.forEach(
        (value, codes) -> {
          if (!value.equals(common)) {
            others.add(String.join(", ", codes) + ": " + value);
          }
        });
    return others.isEmpty() ? common.toString() : common + " (" + String.join("; ", others) + ")";
  }

  private static String name(@Nullable String code) {
    return code == null ? "contractor-defined" : code;
  }

  private static String qualifier(Status status) {
    return switch (status) {
      case IN_FORCE -> "";
      case NOT_YET_EFFECTIVE -> " (not yet in force)";
      case ENDED -> " (ended)";
      case DELETED_RETROACTIVELY -> " (deleted retroactively)";
    };
  }

  private static @Nullable String note(
      Status status,
      List<AddOnEdit> group,
      Release release,
      LocalDate asOf,
      @Nullable LocalDate date) {
    String on =
        date != null ? "on " + date : "on " + asOf + ", the first day of " + release.title();
    return switch (status) {
      case IN_FORCE -> null;
      case NOT_YET_EFFECTIVE ->
          "Not in force " + on + ": these edits take effect later (see Effective).";
      case ENDED ->
          "Not in force "
              + on
              + ": these edits were deleted (see Deleted). The AOC file keeps deleted edits.";
      case DELETED_RETROACTIVELY ->
          "Never in force: these edits were deleted retroactively, on the day they took effect"
              + (group.stream().anyMatch(e -> e.specialInstructions() != null)
                  ? " (see Special instructions)."
                  : ".");
    };
  }

  private static Fact linked(String label, String code) {
    String system =
        CodeSystem.CPT.hasShape(code)
            ? CodeSystem.CPT.slug()
            : CodeSystem.HCPCS.hasShape(code) ? CodeSystem.HCPCS.slug() : null;
    return new Fact(label, code, system, system == null ? null : code);
  }
}
