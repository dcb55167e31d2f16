package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeFactSource;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.openencoder.ncci.persistence.JdbcPtpEdits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NCCI tables in force on a date of service: MUEs, add-on code edits and PTP edits. Each lookup
 * reads the release in force on the date; without a date, the newest release, as of its first day.
 * A date no release covers gets no answer: NCCI tables change every quarter, so the newest one held
 * is not assumed to go on applying after its quarter ends.
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

  /** The data set of the Medicare NCCI PTP edits for practitioners, one release a quarter. */
  public static final String PTP_PRACTITIONER_DATASET = "ncci-ptp-practitioner";

  /** The data set of the Medicare NCCI PTP edits for outpatient hospitals, one a quarter. */
  public static final String PTP_HOSPITAL_DATASET = "ncci-ptp-hospital";

  private static final Logger log = LoggerFactory.getLogger(NcciTables.class);

  private final CodeSets codeSets;
  private final JsonMapper json;
  private final Map<Long, MueTable> mueTables = new ConcurrentHashMap<>();
  private final Map<Long, AddOnCodeEdits> addOnTables = new ConcurrentHashMap<>();
  private final JdbcPtpEdits ptpEdits;
  private final Map<Long, CompletableFuture<PtpTable>> ptpTables = new ConcurrentHashMap<>();

  NcciTables(CodeSets codeSets, JsonMapper json, JdbcPtpEdits ptpEdits) {
    this.codeSets = codeSets;
    this.json = json;
    this.ptpEdits = ptpEdits;
  }

  /** The PTP data set of a setting; empty for DME, which CMS publishes no PTP table for. */
  public static Optional<String> ptpDataset(Setting setting) {
    return switch (setting) {
      case PRACTITIONER -> Optional.of(PTP_PRACTITIONER_DATASET);
      case OUTPATIENT_HOSPITAL -> Optional.of(PTP_HOSPITAL_DATASET);
      case DME -> Optional.empty();
    };
  }

  /**
   * The PTP table of a setting in force on a date (null: the newest release). Empty for DME or when
   * no release covers the date. The first call for a release loads it from PostgreSQL (a few
   * seconds for 2.5 million rows) unless the background load after start-up got there first.
   */
  public Optional<PtpTable> ptpTable(Setting setting, @Nullable LocalDate date) {
    return ptpDataset(setting)
        .flatMap(dataset -> release(dataset, date))
        .map(release -> ptpTable(setting, release));
  }

  /**
   * The PTP table in force on a date only if it is already in memory: a code page must not wait the
   * seconds a load takes. Empty while it loads (in the background after start-up).
   */
  public Optional<PtpTable> loadedPtpTable(Setting setting, @Nullable LocalDate date) {
    return ptpDataset(setting)
        .flatMap(dataset -> release(dataset, date))
        .map(release -> ptpTables.get(release.id()))
        .filter(table -> table.isDone() && !table.isCompletedExceptionally())
        .map(CompletableFuture::join);
  }

  private PtpTable ptpTable(Setting setting, Release release) {
    CompletableFuture<PtpTable> mine = new CompletableFuture<>();
    CompletableFuture<PtpTable> table = ptpTables.putIfAbsent(release.id(), mine);
    if (table == null) {
      table = mine;
      try {
        mine.complete(loadPtp(setting, release));
      } catch (RuntimeException e) {
        ptpTables.remove(release.id(), mine);
        mine.completeExceptionally(e);
      }
      dropRetired(ptpTables, release);
    }
    try {
      return table.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Loads the active PTP tables in the background once the releases are loaded, so readiness never
   * waits for them and the first claim check usually does not either.
   */
  @EventListener(ApplicationReadyEvent.class)
  void loadPtpTablesWhenReleasesLoad() {
    Thread loader =
        new Thread(
            () -> {
              try {
                if (codeSets.awaitReady(1, TimeUnit.HOURS)) {
                  for (Setting setting : Setting.values()) {
                    ptpDataset(setting)
                        .ifPresent(
                            dataset ->
                                codeSets
                                    .activeReleases(dataset)
                                    .forEach(release -> ptpTable(setting, release)));
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                log.warn("PTP tables not loaded ahead of the first claim check", e);
              }
            },
            "ptp-table-loader");
    loader.setPriority(Thread.MIN_PRIORITY);
    loader.setDaemon(true);
    loader.start();
  }

  private PtpTable loadPtp(Setting setting, Release release) {
    long start = System.nanoTime();
    List<String> files = new ArrayList<>();
    for (String role : PTP_FILE_ROLES) {
      files.add(CodeFactSource.Citation.of(release, role).file());
    }
    PtpTable.Builder builder =
        new PtpTable.Builder(release, setting, ptpEdits.rationales(release.id()), files);
    ptpEdits.read(release.id(), builder::row);
    PtpTable table = builder.build();
    log.info(
        "PTP table {} {} loaded: {} rows, {} MB of arrays, in {} ms",
        release.dataset(),
        release.version(),
        table.size(),
        table.arrayBytes() >> 20,
        (System.nanoTime() - start) / 1_000_000);
    return table;
  }

  /**
   * The roles of a PTP release's files by the part number its rows store: "table" for a release of
   * one file, "f1" to "f4" for the four parts CMS splits a quarter into.
   */
  public static final List<String> PTP_FILE_ROLES = List.of("table", "f1", "f2", "f3", "f4");

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
      dropRetired(cache, release);
    }
    return table;
  }

  /**
   * Drops the tables of releases a re-import has retired. Active in any data set: the PTP cache
   * holds the tables of both settings.
   */
  private void dropRetired(Map<Long, ?> cache, Release release) {
    Set<Long> active =
        codeSets.activeReleases().stream().map(Release::id).collect(Collectors.toSet());
    cache.keySet().removeIf(id -> id != release.id() && !active.contains(id));
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
