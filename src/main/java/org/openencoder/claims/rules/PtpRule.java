package org.openencoder.claims.rules;

import java.util.List;
import java.util.Set;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.PtpEdit;
import org.openencoder.ncci.PtpModifierIndicator;
import org.openencoder.ncci.PtpTable;
import org.openencoder.ncci.Setting;

/**
 * NCCI procedure-to-procedure edits (NCCI Policy Manual for Medicare Services, 2026, chapter I):
 * when both codes of an edit are reported on one date of service, the column 2 code is denied,
 * unless the edit's modifier indicator is 1 and an NCCI PTP-associated modifier is appended.
 */
public final class PtpRule implements ClaimRule {

  public static final String FAMILY = "ncci-ptp";

  /**
   * The NCCI PTP-associated modifiers, chapter I, section E: anatomic modifiers (E1-E4, FA, F1-F9,
   * TA, T1-T9, LT, RT, LC, LD, RC, LM, RI), global surgery modifiers (24, 25, 57, 58, 78, 79) and
   * others (27, 59, 91, XE, XS, XP, XU). Modifiers 22, 76 and 77 do not bypass an edit.
   */
  static final Set<String> BYPASS_MODIFIERS =
      Set.of(
          "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA",
          "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM",
          "RI", "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");

  /** Where the modifier rules come from, cited in every PTP finding's fix. */
  static final String MANUAL =
      " (NCCI Policy Manual for Medicare Services, revision 1/1/2026, chapter I, section E,"
          + " pp. I-13 to I-14: 2026_ncci_medicare_policy_manual_all-chapters.pdf)";

  private static final String UNKNOWN_START =
      " The edit's start date is unknown in this source (the derived 2024 table lacks the"
          + " Effective Date column): check that it was in force on the date of service.";

  /** The "not checked" notice by setting (none for DME, which has no PTP table). */
  private static final NotChecked.Kind[] NOT_CHECKED = {
    NotChecked.Kind.of(
        FAMILY,
        "NCCI PTP edits (" + Setting.PRACTITIONER.displayName() + ")",
        "ccipra-v*-f1..f4",
        NcciTables.PTP_PRACTITIONER_DATASET),
    NotChecked.Kind.of(
        FAMILY,
        "NCCI PTP edits (" + Setting.OUTPATIENT_HOSPITAL.displayName() + ")",
        "ccioph-v*-f1..f4",
        NcciTables.PTP_HOSPITAL_DATASET),
  };

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases on, List<Finding> findings) {
    Setting setting = claim.setting().ncciSetting().orElse(null);
    if (setting == null || setting == Setting.DME) {
      return; // Medicare PTP tables exist for practitioner and outpatient hospital claims only.
    }
    List<ClaimLine> lines = claim.lines();
    NotChecked.LineCodes notChecked = new NotChecked.LineCodes();
    // Each line's code is numbered once in its date's table; pairs are then looked up by number.
    int count = lines.size();
    PtpTable[] tableOf = new PtpTable[count];
    int[] number = new int[count];
    for (int i = 0; i < count; i++) {
      tableOf[i] = on.onLine(i).ptp(setting);
      if (tableOf[i] == null) {
        notChecked.add(i, on.onLine(i));
      } else {
        number[i] = on.codeOf(i).ptpNumber(setting);
      }
    }
    for (int i = 0; i < count; i++) {
      PtpTable table = tableOf[i];
      if (table == null || number[i] < 0) {
        continue;
      }
      int day = (int) on.dateOf(i).toEpochDay();
      for (int j = i + 1; j < count; j++) {
        if (number[j] < 0 || number[j] == number[i] || tableOf[j] != table || !on.sameDate(i, j)) {
          continue;
        }
        // One read says whether the pair is an edit in either order: most pairs are none.
        int orders = table.pairOrders(number[i], number[j]);
        if (orders == 0) {
          continue;
        }
        PtpEdit edit =
            (orders & PtpTable.FORWARD) != 0 ? table.edit(number[i], number[j], day) : null;
        int column1 = i;
        int column2 = j;
        if (edit == null && (orders & PtpTable.BACKWARD) != 0) {
          edit = table.edit(number[j], number[i], day);
          column1 = j;
          column2 = i;
        }
        if (edit != null) {
          Finding finding = finding(claim, table, edit, column1, column2);
          if (finding != null) {
            findings.add(finding);
          }
        }
      }
    }
    notChecked.report(NOT_CHECKED[setting.ordinal()], on, findings);
  }

  private static Finding finding(
      Claim claim, PtpTable table, PtpEdit edit, int column1, int column2) {
    ClaimLine one = claim.lines().get(column1);
    ClaimLine two = claim.lines().get(column2);
    String bypass = bypassModifier(one, two);
    List<Integer> lines =
        column1 < column2 ? List.of(column1 + 1, column2 + 1) : List.of(column2 + 1, column1 + 1);
    Source source =
        new Source(
            edit.file() + ", line " + edit.line(),
            table.release().title(),
            table.release().effectiveFrom());
    String pair =
        "Column 1 code "
            + edit.column1()
            + " (line "
            + (column1 + 1)
            + ") and column 2 code "
            + edit.column2()
            + " (line "
            + (column2 + 1)
            + ") are an NCCI PTP edit ("
            + edit.setting().displayName()
            + ", rationale: "
            + edit.rationale()
            + ", modifier indicator "
            + edit.modifierIndicator().cmsValue()
            + ")";
    String unknownStart = edit.effectiveDateKnown() ? "" : UNKNOWN_START;
    if (edit.modifierIndicator() == PtpModifierIndicator.NOT_ALLOWED) {
      return new Finding(
          FAMILY + ".modifier-not-allowed",
          Severity.ERROR,
          lines,
          List.of(edit.column1(), edit.column2()),
          pair
              + ": the column 2 code is denied, and no modifier bypasses this edit"
              + (bypass == null ? "" : " (" + bypass + " does not)")
              + "."
              + unknownStart,
          "Do not report "
              + edit.column2()
              + " with "
              + edit.column1()
              + " on the same date; the column 1 code includes it. Modifier indicator 0: NCCI"
              + " PTP-associated modifiers cannot bypass the edit"
              + MANUAL
              + ".",
          source);
    }
    if (bypass != null) {
      return new Finding(
          FAMILY + ".bypassed",
          Severity.INFO,
          lines,
          List.of(edit.column1(), edit.column2()),
          pair
              + ": modifier "
              + bypass
              + " bypasses it, so both codes are eligible for payment."
              + unknownStart,
          "Keep "
              + bypass
              + " only if the record shows a separate encounter, anatomic site or specimen (NCCI"
              + " Policy Manual): a modifier must not be appended solely to"
              + " bypass an edit"
              + MANUAL
              + ".",
          source);
    }
    return new Finding(
        FAMILY + ".modifier-required",
        Severity.ERROR,
        lines,
        List.of(edit.column1(), edit.column2()),
        pair
            + ": the column 2 code is denied without an NCCI PTP-associated modifier."
            + unknownStart,
        "If the services were distinct (separate encounter, anatomic site or specimen), append 59 or"
            + " the more specific XE, XS, XP or XU (or an anatomic modifier) to "
            + edit.column2()
            + "; otherwise do not report "
            + edit.column2()
            + MANUAL
            + ".",
        source);
  }

  /** The first NCCI PTP-associated modifier on either line of the pair, or null. */
  private static String bypassModifier(ClaimLine one, ClaimLine two) {
    for (String modifier : two.modifiers()) {
      if (BYPASS_MODIFIERS.contains(modifier)) {
        return modifier;
      }
    }
    for (String modifier : one.modifiers()) {
      if (BYPASS_MODIFIERS.contains(modifier)) {
        return modifier;
      }
    }
    return null;
  }
}
