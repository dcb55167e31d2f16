package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.mce.MedicareCodeEditor;
import org.openencoder.ncci.AddOnCodeEdits;
import org.openencoder.ncci.MueTable;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.PtpTable;
import org.openencoder.ncci.Setting;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables in force on each date of service, resolved once per date and kept until the active
 * releases change. Resolving a date walks every data set's releases; checking a claim then reads
 * only in-memory maps.
 */
@Component
public class ReleasesOnDates {

  /** Distinct dates kept; a batch spanning more dates than this starts the cache over. */
  private static final int MAX_DATES = 4_096;

  /** The data sets the edits read. */
  private static final List<String> DATASETS =
      List.of(
          CodeSystem.ICD10CM.dataset(),
          CodeSystem.HCPCS.dataset(),
          CodeSystem.CPT.dataset(),
          NcciTables.MUE_DATASET,
          NcciTables.ADD_ON_DATASET,
          NcciTables.PTP_PRACTITIONER_DATASET,
          NcciTables.PTP_HOSPITAL_DATASET,
          MedicareCodeEditor.DATASET);

  private final CodeSets codeSets;
  private final NcciTables ncci;
  private final JsonMapper json;
  private final MedicareCodeEditor mce;
  private final Map<LocalDate, ReleasesInForce> byDate = new ConcurrentHashMap<>();
  private final Map<Long, Excludes1Index> excludes1 = new ConcurrentHashMap<>();
  private final Map<Long, BillableDiagnoses> billableDiagnoses = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, LocalDate>> terminations = new ConcurrentHashMap<>();
  private final Map<ProcedureCodes.Tables, ProcedureCodes> procedureCodes =
      new ConcurrentHashMap<>();
  private volatile long generation = -1;

  ReleasesOnDates(CodeSets codeSets, NcciTables ncci, MedicareCodeEditor mce, JsonMapper json) {
    this.codeSets = codeSets;
    this.mce = mce;
    this.ncci = ncci;
    this.json = json;
  }

  /** The tables in force on each date of a claim. */
  public ClaimReleases of(Claim claim) {
    return new ClaimReleases(claim, this);
  }

  /** The tables in force on a date. */
  public ReleasesInForce on(LocalDate date) {
    long current = codeSets.generation();
    if (current != generation) {
      byDate.clear();
      excludes1.clear();
      billableDiagnoses.clear();
      terminations.clear();
      procedureCodes.clear();
      generation = current;
    }
    ReleasesInForce tables = byDate.get(date);
    if (tables == null) {
      if (byDate.size() >= MAX_DATES) {
        byDate.clear();
      }
      tables = byDate.computeIfAbsent(date, this::resolve);
    }
    return tables;
  }

  /**
   * The periods the loaded releases of the checked data sets cover, merged: "2020-10-01 to ...".
   */
  public String coveredPeriods() {
    List<LocalDate[]> periods = new java.util.ArrayList<>();
    for (String dataset : DATASETS) {
      for (Release r : codeSets.activeReleases(dataset)) {
        if (withCodes(r) != null || !dataset.equals(CodeSystem.ICD10CM.dataset())) {
          periods.add(new LocalDate[] {r.effectiveFrom(), r.effectiveTo()});
        }
      }
    }
    periods.sort(java.util.Comparator.comparing(p -> p[0]));
    List<String> merged = new java.util.ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    for (LocalDate[] p : periods) {
      if (from != null && to != null && !p[0].isAfter(to.plusDays(1))) {
        to = p[1] == null || p[1].isAfter(to) ? p[1] : to;
        continue;
      }
      if (from != null) {
        merged.add(from + " to " + (to == null ? "open" : to));
      }
      from = p[0];
      to = p[1];
      if (to == null) {
        break;
      }
    }
    if (from != null) {
      merged.add(from + " to " + (to == null ? "open" : to));
    }
    return merged.isEmpty() ? "nothing: no release is loaded" : String.join(", ", merged);
  }

  private ReleasesInForce resolve(LocalDate date) {
    Release icd10cm = codeSets.inForce(CodeSystem.ICD10CM.dataset(), date).orElse(null);
    CodeCatalog icd10cmCodes = withCodes(icd10cm);
    Release hcpcs = codeSets.inForce(CodeSystem.HCPCS.dataset(), date).orElse(null);
    CodeCatalog hcpcsCodes = withCodes(hcpcs);
    Map<String, List<Release>> loaded = new HashMap<>();
    for (String dataset : DATASETS) {
      loaded.put(dataset, codeSets.activeReleases(dataset));
    }
    CodeCatalog cpt = withCodes(codeSets.inForce(CodeSystem.CPT.dataset(), date).orElse(null));
    MueTable mue = ncci.mueTable(date).orElse(null);
    AddOnCodeEdits addOns = ncci.addOnCodeEdits(date).orElse(null);
    PtpTable ptpPractitioner = ncci.ptpTable(Setting.PRACTITIONER, date).orElse(null);
    PtpTable ptpHospital = ncci.ptpTable(Setting.OUTPATIENT_HOSPITAL, date).orElse(null);
    ProcedureCodes.Tables procedureTables =
        new ProcedureCodes.Tables(cpt, hcpcsCodes, mue, addOns, ptpPractitioner, ptpHospital);
    return new ReleasesInForce(
        date,
        codeSets,
        icd10cm,
        icd10cmCodes,
        icd10cmCodes == null
            ? null
            : billableDiagnoses.computeIfAbsent(
                icd10cm.id(), id -> new BillableDiagnoses(icd10cmCodes)),
        icd10cmCodes != null && hasTabular(icd10cm)
            ? excludes1.computeIfAbsent(icd10cm.id(), id -> indexExcludes1(icd10cm, icd10cmCodes))
            : null,
        hcpcsCodes,
        hcpcsCodes == null
            ? Map.of()
            : terminations.computeIfAbsent(hcpcs.id(), id -> hcpcsTerminations(id)),
        cpt,
        mue,
        addOns,
        ptpPractitioner,
        ptpHospital,
        procedureCodes.computeIfAbsent(procedureTables, ProcedureCodes::new),
        mce.inForce(date).orElse(null),
        Map.copyOf(loaded));
  }

  private @Nullable CodeCatalog withCodes(@Nullable Release release) {
    if (release == null) {
      return null;
    }
    Optional<CodeCatalog> catalog = codeSets.catalog(release.id());
    return catalog.filter(c -> c.size() > 0).orElse(null);
  }

  static boolean hasTabular(Release release) {
    return release.files().stream().anyMatch(f -> f.role().equals("tabular") && f.present());
  }

  /** The last day each HCPCS code or modifier may be used, from the file's termination date. */
  private Map<String, LocalDate> hcpcsTerminations(long releaseId) {
    Map<String, LocalDate> ends = new HashMap<>();
    codeSets.forEachCodeDetail(
        releaseId,
        (code, detail) -> {
          JsonNode end = json.readTree(detail).get("terminationDate");
          if (end != null && !end.isNull()) {
            ends.put(code, LocalDate.parse(end.asString()));
          }
        });
    return Map.copyOf(ends);
  }

  private Excludes1Index indexExcludes1(Release release, CodeCatalog catalog) {
    Map<String, List<Excludes1Index.Note>> notes = new HashMap<>();
    Map<String, String> sectionOfCategory = new HashMap<>();
    Map<String, String> chapterOfSection = new HashMap<>();
    codeSets.forEachCodeDetail(
        release.id(),
        (code, detail) -> {
          JsonNode node = json.readTree(detail);
          String section = node.path("section").asString(null);
          String chapter = node.path("chapter").asString(null);
          if (code.length() == 3 && section != null) {
            sectionOfCategory.put(code, section);
            if (chapter != null) {
              chapterOfSection.putIfAbsent(section, chapter);
            }
          }
          addNotes(notes, code, CodeSystem.ICD10CM.display(code), node);
        });
    codeSets
        .releaseDocuments(release.id(), "cm-section")
        .forEach(
            (section, doc) ->
                addNotes(
                    notes,
                    Excludes1Index.sectionKey(section),
                    "Section " + section,
                    json.readTree(doc)));
    codeSets
        .releaseDocuments(release.id(), "cm-chapter")
        .forEach(
            (chapter, doc) ->
                addNotes(
                    notes,
                    Excludes1Index.chapterKey(chapter),
                    "Chapter " + chapter,
                    json.readTree(doc)));
    return new Excludes1Index(release, catalog, notes, sectionOfCategory, chapterOfSection);
  }

  private static void addNotes(
      Map<String, List<Excludes1Index.Note>> notes, String owner, String printedAt, JsonNode node) {
    JsonNode texts = node.path("notes").path("excludes1");
    if (texts.isArray()) {
      for (JsonNode text : texts) {
        Excludes1Index.Note note = Excludes1Index.parse(owner, printedAt, text.asString());
        if (note != null) {
          notes.computeIfAbsent(owner, k -> new java.util.ArrayList<>()).add(note);
        }
      }
    }
  }
}
