package org.openencoder.claims.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.ClaimLine;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.ncci.AddOnCodeEdits;
import org.openencoder.ncci.AddOnEdit;
import org.openencoder.ncci.Mue;
import org.openencoder.ncci.MueAdjudicationIndicator;
import org.openencoder.ncci.MueTable;
import org.openencoder.ncci.PtpTable;
import org.openencoder.ncci.Setting;

/**
 * What one set of tables (code lists, MUE, add-on and PTP tables) says about each procedure code: a
 * line's code is then one lookup for every rule, where each table's own lookup is a walk through a
 * large map (several cache misses) of its own. Every date the same releases cover shares one of
 * these.
 *
 * <p>The facts of every code that any of the tables names are built when the tables are first used,
 * into an open-addressing table keyed by the code's number ({@link #number}): a lookup reads a slot
 * of the keys, the same slot of the facts and the facts themselves, where a hash map keyed by the
 * code's text also read its node, its key and the key's characters, each a cache miss on a claim of
 * codes drawn from thousands. A code no table names (deleted long ago, invented) has no facts at
 * all: every such code shares {@link #NOTHING}, so a stream of invented codes costs no memory.
 */
final class ProcedureCodes {

  /** The facts of a code that no table of the set names: none. */
  private static final Code NOTHING =
      new Code(null, new Mue[Setting.values().length], List.of(), -1, -1);

  private final Tables tables;

  /** Each named code's number plus one (0: an empty slot), by linear probing from its hash. */
  private final int[] keys;

  private final Code[] facts;
  private final int shift;

  ProcedureCodes(Tables tables) {
    this.tables = tables;
    Set<String> named = new HashSet<>();
    for (CodeCatalog catalog : new CodeCatalog[] {tables.cpt(), tables.hcpcs()}) {
      if (catalog != null) {
        for (CodeEntry entry : catalog.entries()) {
          named.add(entry.code());
        }
      }
    }
    if (tables.mue() != null) {
      for (Setting setting : Setting.values()) {
        named.addAll(tables.mue().codes(setting));
      }
    }
    if (tables.addOns() != null) {
      named.addAll(tables.addOns().addOnCodeSet());
    }
    for (PtpTable ptp : new PtpTable[] {tables.ptpPractitioner(), tables.ptpHospital()}) {
      if (ptp != null) {
        for (int n = 0; n < ptp.codeCount(); n++) {
          named.add(ptp.code(n));
        }
      }
    }
    // The HCPCS file also lists the two-character modifiers: no line has them as its code.
    named.removeIf(code -> number(code) < 0);
    // At most half full: a probe nearly always ends in its first slot or the next.
    int capacity = Integer.highestOneBit(Math.max(16, named.size() * 2) * 2 - 1);
    this.keys = new int[capacity];
    this.facts = new Code[capacity];
    this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
    for (String code : named) {
      int key = number(code) + 1;
      int slot = slot(key);
      while (keys[slot] != 0) {
        slot = (slot + 1) & (capacity - 1);
      }
      keys[slot] = key;
      facts[slot] = lookUp(code);
    }
  }

  /** The releases in force on a date that speak about procedure codes; equal when the same. */
  record Tables(
      @Nullable CodeCatalog cpt,
      @Nullable CodeCatalog hcpcs,
      @Nullable MueTable mue,
      @Nullable AddOnCodeEdits addOns,
      @Nullable PtpTable ptpPractitioner,
      @Nullable PtpTable ptpHospital) {}

  /** A code as a number: {@link ClaimLine#numberOf}. */
  static int number(String code) {
    return ClaimLine.numberOf(code);
  }

  private int slot(int key) {
    // Fibonacci hashing: neighbouring numbers (99213, 99214) land far apart.
    return (key * 0x9E3779B9) >>> shift;
  }

  /** The facts of a normalized code whose {@link #number} is given. */
  Code get(String code, int number) {
    if (number < 0) {
      // Not a CPT or HCPCS code (a line's code always is: its shape is checked): ask the tables.
      return lookUp(code);
    }
    int key = number + 1;
    int mask = keys.length - 1;
    for (int slot = slot(key); keys[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return facts[slot];
      }
    }
    return NOTHING;
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
    private static final int[] NO_PRIMARIES = {};

    final @Nullable CodeEntry listed;

    // Each setting's MUE as one int in the facts (-1 for none; else its value times two, plus one
    // for a line edit): the rule reads the MUE itself only for a finding, one memory read less for
    // every other line.
    private final int mueLimitPractitioner;
    private final int mueLimitHospital;
    private final int mueLimitDme;

    /** The MUEs by {@link Setting} ordinal (null where none), for the findings. */
    private final @Nullable Mue[] mues;

    final List<AddOnEdit> addOnEdits;

    /**
     * The {@link #number} of each add-on edit's primary code, in the order of {@link #addOnEdits};
     * -1 where the edit names none: the claim's lines are compared with them by number.
     */
    final int[] addOnPrimaries;

    private final int ptpPractitioner;
    private final int ptpHospital;

    // The MUE finding's words that depend only on the edit, by setting, made on first use: in
    // fields, so that a finding reads the facts and its wording, not an array and the MUE too.
    private MueRule.@Nullable Wording wordingPractitioner;
    private MueRule.@Nullable Wording wordingHospital;
    private MueRule.@Nullable Wording wordingDme;

    Code(
        @Nullable CodeEntry listed,
        Mue[] mues,
        List<AddOnEdit> addOnEdits,
        int ptpPractitioner,
        int ptpHospital) {
      this.listed = listed;
      this.mues = mues.clone();
      this.mueLimitPractitioner = limit(mues[Setting.PRACTITIONER.ordinal()]);
      this.mueLimitHospital = limit(mues[Setting.OUTPATIENT_HOSPITAL.ordinal()]);
      this.mueLimitDme = limit(mues[Setting.DME.ordinal()]);
      this.addOnEdits = addOnEdits;
      this.addOnPrimaries = addOnEdits.isEmpty() ? NO_PRIMARIES : new int[addOnEdits.size()];
      for (int i = 0; i < addOnPrimaries.length; i++) {
        String primary = addOnEdits.get(i).primaryCode();
        addOnPrimaries[i] = primary == null ? -1 : number(primary);
      }
      this.ptpPractitioner = ptpPractitioner;
      this.ptpHospital = ptpHospital;
    }

    private static int limit(@Nullable Mue mue) {
      if (mue == null) {
        return -1;
      }
      return mue.value() * 2 + (mue.indicator() == MueAdjudicationIndicator.LINE_EDIT ? 1 : 0);
    }

    /**
     * Its MUE in a setting as one int: -1 when the MUE table in force does not list it, else the
     * value times two plus one for a line edit (MAI 1); see {@link #mueValue}, {@link #lineEdit}.
     */
    int mueLimit(Setting setting) {
      return switch (setting) {
        case PRACTITIONER -> mueLimitPractitioner;
        case OUTPATIENT_HOSPITAL -> mueLimitHospital;
        case DME -> mueLimitDme;
      };
    }

    static int mueValue(int limit) {
      return limit >>> 1;
    }

    static boolean lineEdit(int limit) {
      return (limit & 1) != 0;
    }

    /** Its MUE in a setting, or null when the MUE table in force does not list it. */
    @Nullable Mue mue(Setting setting) {
      return mues[setting.ordinal()];
    }

    /** Its number in the PTP table of a setting in force, or -1 when that table lacks it. */
    int ptpNumber(Setting setting) {
      return switch (setting) {
        case PRACTITIONER -> ptpPractitioner;
        case OUTPATIENT_HOSPITAL -> ptpHospital;
        case DME -> -1;
      };
    }

    /** The words of its MUE finding in a setting whose {@link #mueLimit} is not -1. */
    MueRule.Wording mueWording(Setting setting, ReleasesInForce on) {
      MueRule.Wording wording =
          switch (setting) {
            case PRACTITIONER -> wordingPractitioner;
            case OUTPATIENT_HOSPITAL -> wordingHospital;
            case DME -> wordingDme;
          };
      if (wording == null) {
        // A race words it twice, the same: the record's final fields publish it safely.
        Mue mue = mues[setting.ordinal()];
        wording = MueRule.wording(mue, on.cite(on.mue.release(), setting.role()));
        switch (setting) {
          case PRACTITIONER -> wordingPractitioner = wording;
          case OUTPATIENT_HOSPITAL -> wordingHospital = wording;
          case DME -> wordingDme = wording;
        }
      }
      return wording;
    }
  }
}
