package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NCCI tables in force on a date of service: MUEs and add-on code edits. Each lookup reads the
 * release in force on the date; without a date, the newest release, as of its first day. A date no
 * release covers gets no answer: NCCI tables change every quarter, so the newest one held is not
 * assumed to go on applying after its quarter ends.
 *
 * <p>A release's tables are read from its stored documents the first time they are asked for and
 * kept in memory (about 33,000 MUEs and 9,000 add-on code edits a quarter); a release never changes
 * under its id, so the copy cannot go stale.
 */
@Service
public class NcciTables {

  /** The data set of the Medicare NCCI MUE tables, one release a quarter. */
  public static final String MUE_DATASET = "ncci-mue";

  /** The data set of the Medicare NCCI add-on code edit table, one release a quarter. */
  public static final String ADD_ON_DATASET = "ncci-aoc";

  private final CodeSets codeSets;
  private final JsonMapper json;
  private final Map<Long, MueTable> mueTables = new ConcurrentHashMap<>();
  private final Map<Long, AddOnCodeEdits> addOnTables = new ConcurrentHashMap<>();

  NcciTables(CodeSets codeSets, JsonMapper json) {
    this.codeSets = codeSets;
    this.json = json;
  }

  /** The MUE tables in force on a date (null: the newest release). */
  public Optional<MueTable> mueTable(@Nullable LocalDate date) {
    return release(MUE_DATASET, date).map(r -> cached(mueTables, r, this::loadMue));
  }

  /** The add-on code edits in force on a date (null: the newest release). */
  public Optional<AddOnCodeEdits> addOnCodeEdits(@Nullable LocalDate date) {
    return release(ADD_ON_DATASET, date).map(r -> cached(addOnTables, r, this::loadAddOnEdits));
  }

  /** The MUE of a code in a setting on a date of service; empty when none is in force. */
  public Optional<Mue> mue(Setting setting, String code, @Nullable LocalDate date) {
    return mueTable(date).flatMap(table -> table.get(setting, code));
  }

  /** The edits in force on a date that pair an add-on code with its primary codes. */
  public List<AddOnEdit> addOnEditsFor(String addOnCode, @Nullable LocalDate date) {
    return addOnCodeEdits(date)
        .map(edits -> inForce(edits.forAddOnCode(addOnCode), asOf(edits.release(), date)))
        .orElse(List.of());
  }

  /** The edits in force on a date that name a code as primary: its add-on codes. */
  public List<AddOnEdit> addOnsForPrimary(String primaryCode, @Nullable LocalDate date) {
    return addOnCodeEdits(date)
        .map(edits -> inForce(edits.forPrimaryCode(primaryCode), asOf(edits.release(), date)))
        .orElse(List.of());
  }

  /** The date edits are judged on: the date of service, or the release's first day. */
  static LocalDate asOf(Release release, @Nullable LocalDate date) {
    return date == null ? release.effectiveFrom() : date;
  }

  private static List<AddOnEdit> inForce(List<AddOnEdit> edits, LocalDate date) {
    return edits.stream().filter(e -> e.inForceOn(date)).toList();
  }

  private Optional<Release> release(String dataset, @Nullable LocalDate date) {
    return date == null
        ? codeSets.activeReleases(dataset).stream().findFirst()
        : codeSets.inForce(dataset, date);
  }

  private <T> T cached(Map<Long, T> cache, Release release, Function<Release, T> load) {
    T table = cache.get(release.id());
    if (table == null) {
      table = cache.computeIfAbsent(release.id(), id -> load.apply(release));
      // Drop the tables of releases a re-import has retired.
      Set<Long> active =
          codeSets.activeReleases(release.dataset()).stream()
              .map(Release::id)
              .collect(Collectors.toSet());
      cache.keySet().removeIf(id -> id != release.id() && !active.contains(id));
    }
    return table;
  }

  // The documents below are written by ncci.importing.MueReleaseImporter and
  // AddOnCodeReleaseImporter; their field names are the contract between the two.

  /** An MUE as stored under kind "mue-{setting}", key the code. */
  record StoredMue(int value, int indicator, String rationale, long line) {}

  /** An add-on code edit as stored in the lists under kinds "aoc-add-on" and "aoc-primary". */
  record StoredAddOnEdit(
      int type,
      String addOnCode,
      @Nullable String primaryCode,
      LocalDate effective,
      @Nullable LocalDate deleted,
      @Nullable LocalDate addOnCodeDeleted,
      @Nullable LocalDate primaryCodeDeleted,
      @Nullable String specialInstructions,
      long row) {

    AddOnEdit edit() {
      return new AddOnEdit(
          AddOnEditType.of(type),
          addOnCode,
          primaryCode,
          effective,
          deleted,
          addOnCodeDeleted,
          primaryCodeDeleted,
          specialInstructions,
          row);
    }
  }

  private MueTable loadMue(Release release) {
    Map<Setting, Map<String, Mue>> bySetting = new EnumMap<>(Setting.class);
    // The rationales are a few dozen phrases repeated over 33,000 rows: keep one copy of each.
    Map<String, String> rationales = new HashMap<>();
    for (Setting setting : Setting.values()) {
      Map<String, Mue> edits = new HashMap<>();
      codeSets
          .releaseDocuments(release.id(), "mue-" + setting.role())
          .forEach(
              (code, doc) -> {
                StoredMue stored = json.readValue(doc, StoredMue.class);
                edits.put(
                    code,
                    new Mue(
                        setting,
                        code,
                        stored.value(),
                        MueAdjudicationIndicator.of(stored.indicator()),
                        rationales.computeIfAbsent(stored.rationale(), r -> r),
                        stored.line()));
              });
      bySetting.put(setting, edits);
    }
    return new MueTable(release, bySetting);
  }

  private AddOnCodeEdits loadAddOnEdits(Release release) {
    return new AddOnCodeEdits(
        release, editLists(release.id(), "aoc-add-on"), editLists(release.id(), "aoc-primary"));
  }

  private Map<String, List<AddOnEdit>> editLists(long releaseId, String kind) {
    Map<String, List<AddOnEdit>> byCode = new HashMap<>();
    codeSets
        .releaseDocuments(releaseId, kind)
        .forEach(
            (code, doc) -> {
              List<AddOnEdit> edits = new ArrayList<>();
              for (StoredAddOnEdit stored : json.readValue(doc, StoredAddOnEdit[].class)) {
                edits.add(stored.edit());
              }
              byCode.put(code, List.copyOf(edits));
            });
    return byCode;
  }
}
