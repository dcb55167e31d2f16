package org.openencoder.claims.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.ncci.AddOnCodeEdits;
import org.openencoder.ncci.AddOnEdit;
import org.openencoder.ncci.Mue;
import org.openencoder.ncci.MueTable;
import org.openencoder.ncci.PtpTable;
import org.openencoder.ncci.Setting;

/**
 * What one set of tables (code lists, MUE, add-on and PTP tables) says about each procedure code,
 * looked up once per code and kept: a line's code is then one hash lookup for every rule, where
 * each table's own lookup is a walk through a large map (several cache misses) of its own. Every
 * date the same releases cover shares one of these.
 */
final class ProcedureCodes {

  /** Codes kept; a stream of invented codes starts the cache over instead of filling the heap. */
  private static final int MAX_CODES = 100_000;

  private final Tables tables;
  private final Map<String, Code> byCode = new ConcurrentHashMap<>();

  ProcedureCodes(Tables tables) {
    this.tables = tables;
  }

  /** The releases in force on a date that speak about procedure codes; equal when the same. */
  record Tables(
      @Nullable CodeCatalog cpt,
      @Nullable CodeCatalog hcpcs,
      @Nullable MueTable mue,
      @Nullable AddOnCodeEdits addOns,
      @Nullable PtpTable ptpPractitioner,
      @Nullable PtpTable ptpHospital) {}

  /** The facts of a normalized code. */
  Code get(String code) {
    Code facts = byCode.get(code);
    if (facts == null) {
      if (byCode.size() >= MAX_CODES) {
        byCode.clear();
      }
      facts = byCode.computeIfAbsent(code, this::lookUp);
    }
    return facts;
  }

  private Code lookUp(String code) {
    CodeCatalog catalog = CodeValidityRule.isCpt(code) ? tables.cpt() : tables.hcpcs();
    Mue[] mues = new Mue[Setting.values().length];
    if (tables.mue() != null) {
      for (Setting setting : Setting.values()) {
        mues[setting.ordinal()] = tables.mue().edit(setting, code);
      }
    }
    List<AddOnEdit> addOns =
        tables.addOns() == null ? List.of() : tables.addOns().forAddOnCode(code);
    return new Code(
        catalog == null ? null : catalog.get(code).orElse(null),
        mues,
        addOns,
        tables.ptpPractitioner() == null ? -1 : tables.ptpPractitioner().codeNumber(code),
        tables.ptpHospital() == null ? -1 : tables.ptpHospital().codeNumber(code));
  }

  /**
   * One procedure code's facts.
   *
   * @param listed its entry in the code list of its system (CPT or HCPCS) in force, or null
   * @param addOnEdits its add-on code edits, every row (empty when it is not an add-on code)
   */
  static final class Code {
    final @Nullable CodeEntry listed;

    // By setting, in fields rather than an array: one memory read less for every line checked.
    private final @Nullable Mue muePractitioner;
    private final @Nullable Mue mueHospital;
    private final @Nullable Mue mueDme;

    final List<AddOnEdit> addOnEdits;
    private final int ptpPractitioner;
    private final int ptpHospital;

    /** The MUE finding's words that depend only on the edit, by setting, made on first use. */
    private final MueRule.Wording[] mueWordings;

    Code(
        @Nullable CodeEntry listed,
        Mue[] mues,
        List<AddOnEdit> addOnEdits,
        int ptpPractitioner,
        int ptpHospital) {
      this.listed = listed;
      this.muePractitioner = mues[Setting.PRACTITIONER.ordinal()];
      this.mueHospital = mues[Setting.OUTPATIENT_HOSPITAL.ordinal()];
      this.mueDme = mues[Setting.DME.ordinal()];
      this.addOnEdits = addOnEdits;
      this.ptpPractitioner = ptpPractitioner;
      this.ptpHospital = ptpHospital;
      this.mueWordings = new MueRule.Wording[mues.length];
    }

    /** Its MUE in a setting, or null when the MUE table in force does not list it. */
    @Nullable Mue mue(Setting setting) {
      return switch (setting) {
        case PRACTITIONER -> muePractitioner;
        case OUTPATIENT_HOSPITAL -> mueHospital;
        case DME -> mueDme;
      };
    }

    /** Its number in the PTP table of a setting in force, or -1 when that table lacks it. */
    int ptpNumber(Setting setting) {
      return switch (setting) {
        case PRACTITIONER -> ptpPractitioner;
        case OUTPATIENT_HOSPITAL -> ptpHospital;
        case DME -> -1;
      };
    }

    MueRule.Wording mueWording(Mue mue, ReleasesInForce on) {
      MueRule.Wording wording = mueWordings[mue.setting().ordinal()];
      if (wording == null) {
        // A race words it twice, the same: the record's final fields publish it safely.
        wording = MueRule.wording(mue, on.cite(on.mue.release(), mue.setting().role()));
        mueWordings[mue.setting().ordinal()] = wording;
      }
      return wording;
    }
  }
}
