package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Source;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.mce.MceEdits;
import org.openencoder.ncci.AddOnCodeEdits;
import org.openencoder.ncci.MueTable;
import org.openencoder.ncci.PtpTable;
import org.openencoder.ncci.Setting;

/**
 * Every table the edits read for one date of service, resolved once: the release in force of each
 * data set (null where none is loaded for the date), held in memory. The checker's hot path reads
 * only these fields; the {@link CodeSets} reference serves the rare slow path (a code the release
 * in force does not list: which other release does?).
 */
public final class ReleasesInForce {

  final LocalDate date;

  /** The date as findings print it (2026-05-01), made once: MUE findings print it every time. */
  final String dateText;

  final CodeSets codeSets;
  final @Nullable Release icd10cmRelease;
  final @Nullable CodeCatalog icd10cm;

  /** The billable codes of {@link #icd10cm}, or null when it is null. */
  final @Nullable BillableDiagnoses billableDiagnoses;

  final @Nullable Excludes1Index excludes1;
  final @Nullable CodeCatalog hcpcs;
  final Map<String, LocalDate> hcpcsTerminations;
  final @Nullable CodeCatalog cpt;
  final @Nullable MueTable mue;
  final @Nullable AddOnCodeEdits addOns;
  final @Nullable PtpTable ptpPractitioner;
  final @Nullable PtpTable ptpHospital;
  final ProcedureCodes procedureCodes;
  final @Nullable MceEdits mce;

  /** Each data set's loaded releases, for naming what is missing on this date. */
  final Map<String, List<Release>> loaded;

  private final Map<String, String> loadedText = new ConcurrentHashMap<>();

  /**
   * The citation of each file role's release in force on this date ("pprrvu", "order", "aoc"...),
   * built once: every finding cites one, and building it walks the release's files.
   */
  private final Map<String, Source> sources = new ConcurrentHashMap<>();

  /** The "not checked" findings of this date, worded once, by {@link NotChecked.Kind} slot. */
  final Finding[] notices = new Finding[NotChecked.Kind.SLOTS];

  ReleasesInForce(
      LocalDate date,
      CodeSets codeSets,
      @Nullable Release icd10cmRelease,
      @Nullable CodeCatalog icd10cm,
      @Nullable BillableDiagnoses billableDiagnoses,
      @Nullable Excludes1Index excludes1,
      @Nullable CodeCatalog hcpcs,
      Map<String, LocalDate> hcpcsTerminations,
      @Nullable CodeCatalog cpt,
      @Nullable MueTable mue,
      @Nullable AddOnCodeEdits addOns,
      @Nullable PtpTable ptpPractitioner,
      @Nullable PtpTable ptpHospital,
      ProcedureCodes procedureCodes,
      @Nullable MceEdits mce,
      Map<String, List<Release>> loaded) {
    this.date = date;
    this.dateText = date.toString();
    this.codeSets = codeSets;
    this.icd10cmRelease = icd10cmRelease;
    this.icd10cm = icd10cm;
    this.billableDiagnoses = billableDiagnoses;
    this.excludes1 = excludes1;
    this.hcpcs = hcpcs;
    this.hcpcsTerminations = hcpcsTerminations;
    this.cpt = cpt;
    this.mue = mue;
    this.addOns = addOns;
    this.ptpPractitioner = ptpPractitioner;
    this.ptpHospital = ptpHospital;
    this.procedureCodes = procedureCodes;
    this.mce = mce;
    this.loaded = loaded;
  }

  public LocalDate date() {
    return date;
  }

  /** Whether any loaded release of any data set the edits read covers the date. */
  public boolean anyInForce() {
    return icd10cm != null
        || hcpcs != null
        || cpt != null
        || mue != null
        || addOns != null
        || ptpPractitioner != null
        || ptpHospital != null
        || mce != null;
  }

  /** The PTP table of a setting in force on the date; null for DME, or when none is loaded. */
  @Nullable PtpTable ptp(Setting setting) {
    return switch (setting) {
      case PRACTITIONER -> ptpPractitioner;
      case OUTPATIENT_HOSPITAL -> ptpHospital;
      case DME -> null;
    };
  }

  @Nullable CodeCatalog catalog(CodeSystem system) {
    return switch (system) {
      case ICD10CM -> icd10cm;
      case HCPCS -> hcpcs;
      case CPT -> cpt;
      case ICD10PCS -> null;
    };
  }

  /**
   * The citation of a file of a release in force on this date; each role belongs to one data set,
   * which has one release in force on a date, so the role alone keys it.
   */
  Source cite(Release release, String role) {
    Source source = sources.get(role);
    return source != null ? source : sources.computeIfAbsent(role, r -> Source.of(release, r));
  }

  /** "loaded: FY2021 (2020-10-01 to 2021-09-30), FY2026 (...)", or "none loaded". */
  String loadedReleases(String dataset) {
    // Worded once per data set: a claim on a date that lacks a release names them every time.
    return loadedText.computeIfAbsent(dataset, this::describeLoaded);
  }

  private String describeLoaded(String dataset) {
    List<Release> releases = loaded.getOrDefault(dataset, List.of());
    if (releases.isEmpty()) {
      return "no release of it is loaded";
    }
    StringBuilder text = new StringBuilder("loaded: ");
    for (int i = 0; i < releases.size(); i++) {
      Release r = releases.get(i);
      text.append(i == 0 ? "" : "; ")
          .append(r.title())
          .append(" (")
          .append(r.effectiveFrom())
          .append(" to ")
          .append(r.effectiveTo() == null ? "open" : r.effectiveTo())
          .append(')');
    }
    return text.toString();
  }
}
