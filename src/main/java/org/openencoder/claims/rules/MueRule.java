package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.List;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.ncci.Mue;
import org.openencoder.ncci.MueAdjudicationIndicator;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.Setting;

/**
 * Medically Unlikely Edits (NCCI Policy Manual, chapter I, section V): the units of a code against
 * the MUE of the claim's setting. MAI 1 checks each line on its own; MAI 2 and 3 add up the units
 * of the code on every line of the same date of service.
 */
public final class MueRule implements ClaimRule {

  public static final String FAMILY = "ncci-mue";

  /** The "not checked" notice, by {@link Setting} ordinal. */
  private static final NotChecked.Kind[] NOT_CHECKED = notChecked();

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases tables, List<Finding> findings) {
    Setting setting = claim.setting().ncciSetting().orElse(null);
    if (setting == null) {
      return; // MUEs edit practitioner, outpatient hospital and DME claims, not inpatient ones.
    }
    List<ClaimLine> lines = claim.lines();
    NotChecked.LineCodes notChecked = new NotChecked.LineCodes();
    for (int i = 0; i < lines.size(); i++) {
      ClaimLine line = lines.get(i);
      ReleasesInForce on = tables.onLine(i);
      if (on.mue == null) {
        notChecked.add(i, on);
        continue;
      }
      ProcedureCodes.Code code = tables.codeOf(i);
      int limit = code.mueLimit(setting);
      if (limit < 0) {
        continue;
      }
      if (ProcedureCodes.Code.lineEdit(limit)) {
        if (line.units() > ProcedureCodes.Code.mueValue(limit)) {
          findings.add(finding(setting, limit, code, on, List.of(i + 1), line.units()));
        }
        continue;
      }
      if (firstLineOfCodeOnDate(tables, i)) {
        int units = line.units();
        List<Integer> numbers = null;
        for (int j = i + 1; j < lines.size(); j++) {
          if (tables.sameCode(i, j) && tables.sameDate(i, j)) {
            units += lines.get(j).units();
            if (numbers == null) {
              numbers = new ArrayList<>(2);
              numbers.add(i + 1);
            }
            numbers.add(j + 1);
          }
        }
        if (units > ProcedureCodes.Code.mueValue(limit)) {
          findings.add(
              finding(setting, limit, code, on, numbers == null ? List.of(i + 1) : numbers, units));
        }
      }
    }
    notChecked.report(NOT_CHECKED[setting.ordinal()], tables, findings);
  }

  private static NotChecked.Kind[] notChecked() {
    Setting[] settings = Setting.values();
    NotChecked.Kind[] kinds = new NotChecked.Kind[settings.length];
    for (Setting setting : settings) {
      kinds[setting.ordinal()] =
          NotChecked.Kind.of(
              FAMILY,
              "NCCI MUEs (" + setting.displayName() + ")",
              "MCR_MUE_*_Eff_*.csv",
              NcciTables.MUE_DATASET);
    }
    return kinds;
  }

  private static boolean firstLineOfCodeOnDate(ClaimReleases tables, int index) {
    for (int j = 0; j < index; j++) {
      if (tables.sameCode(index, j) && tables.sameDate(index, j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of an MUE finding that depend only on the edit, made once per code and set of tables:
   * the code, the limit, the fix, the cited line and the code as the finding lists it.
   */
  record Wording(String code, String limit, String fix, Source source, List<String> codes) {}

  static Wording wording(Mue mue, Source file) {
    MueAdjudicationIndicator mai = mue.indicator();
    String limit =
        (mue.value() == 0
                ? "an MUE of 0: any unit in this setting exceeds it"
                : "an MUE of " + mue.value() + (mue.value() == 1 ? " unit" : " units"))
            + " ("
            + mue.setting().displayName()
            + ", MAI "
            + mai.display()
            + ", rationale: "
            + mue.rationale()
            + ").";
    String fix =
        switch (mai) {
          case LINE_EDIT ->
              "Medicare denies the whole line, not just the units above the MUE. If more units were medically necessary, report"
                  + " them on separate lines with an appropriate modifier (59, XE, XP, XS, XU, 76,"
                  + " 77, 91 or anatomic), each line within "
                  + mue.value()
                  + ".";
          case DATE_OF_SERVICE_POLICY ->
              "Medicare denies every line of the code on the date. Report at most "
                  + mue.value()
                  + ". MAI 2 is an absolute limit set by policy: contractors do not"
                  + " pay more on appeal.";
          case DATE_OF_SERVICE_CLINICAL ->
              "Medicare denies every line of the code on the date. Report at most "
                  + mue.value()
                  + ", or, if more were provided and medically necessary, appeal with"
                  + " the documentation (MAI 3: the contractor may allow more on redetermination).";
        };
    return new Wording(mue.code(), limit, fix, file.atLine(mue.line()), List.of(mue.code()));
  }

  private static Finding finding(
      Setting setting,
      int limit,
      ProcedureCodes.Code code,
      ReleasesInForce on,
      List<Integer> lines,
      int units) {
    Wording wording = code.mueWording(setting, on);
    String counted =
        ProcedureCodes.Code.lineEdit(limit)
            ? units + (units == 1 ? " unit on the line" : " units on the line")
            : units
                + (units == 1 ? " unit" : " units")
                + " on "
                + on.dateText
                + (lines.size() > 1 ? " (lines added up)" : "");
    return new Finding(
        FAMILY + ".units-exceeded",
        Severity.ERROR,
        lines,
        wording.codes(),
        wording.code() + ": " + counted + (units == 1 ? " exceeds " : " exceed ") + wording.limit(),
        wording.fix(),
        wording.source());
  }
}
