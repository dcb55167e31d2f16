package org.openencoder.claims.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.Finding;
import org.openencoder.claims.Finding.Severity;
import org.openencoder.claims.Finding.Source;
import org.openencoder.ncci.AddOnCodeEdits;
import org.openencoder.ncci.AddOnEdit;
import org.openencoder.ncci.AddOnEditType;
import org.openencoder.ncci.NcciTables;

/**
 * Add-on code edits (NCCI Policy Manual, chapter I, sections R and W): an add-on code is paid only
 * with a primary code on the same claim, by the same provider, on the same date of service. Type 1
 * edits list every acceptable primary code; type 3 list some and let contractors allow others; type
 * 2 list none (each contractor keeps its own list).
 */
public final class AddOnCodeRule implements ClaimRule {

  public static final String FAMILY = "ncci-add-on";

  private static final NotChecked.Kind NOT_CHECKED =
      NotChecked.Kind.of(
          FAMILY, "NCCI add-on code edits", "AOC_V*-MCR.xlsx", NcciTables.ADD_ON_DATASET);

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public void check(Claim claim, ClaimReleases tables, List<Finding> findings) {
    if (claim.setting().ncciSetting().isEmpty()) {
      return; // Add-on code edits apply to practitioner, outpatient hospital and DME claims.
    }
    List<ClaimLine> lines = claim.lines();
    NotChecked.LineCodes notChecked = new NotChecked.LineCodes();
    for (int i = 0; i < lines.size(); i++) {
      LocalDate date = tables.dateOf(i);
      ReleasesInForce on = tables.onLine(i);
      AddOnCodeEdits edits = on.addOns;
      if (edits == null) {
        notChecked.add(i, on);
        continue;
      }
      ProcedureCodes.Code code = tables.codeOf(i);
      List<AddOnEdit> all = code.addOnEdits;
      if (all.isEmpty()) {
        continue;
      }
      AddOnEditType type = null;
      boolean inForce = false;
      for (int e = 0; e < all.size(); e++) {
        AddOnEdit edit = all.get(e);
        if (!edit.inForceOn(date)) {
          continue;
        }
        inForce = true;
        type = edit.type();
        if (edit.primaryCode() != null && onSameDate(tables, code.addOnPrimaries[e], i)) {
          type = null;
          break;
        }
      }
      if (!inForce || type == null) {
        continue;
      }
      findings.add(finding(claim, i, type, all, date, on.cite(edits.release(), "aoc")));
    }
    notChecked.report(NOT_CHECKED, tables, findings);
  }

  /**
   * Whether a line with the code (by number) has the same date of service as line {@code index}.
   */
  private static boolean onSameDate(ClaimReleases tables, int code, int index) {
    if (code < 0) {
      return false; // Not a CPT or HCPCS code: no line has it.
    }
    for (int j = 0; j < tables.lineCount(); j++) {
      if (tables.codeNumber(j) == code && tables.sameDate(j, index)) {
        return true;
      }
    }
    return false;
  }

  private static Finding finding(
      Claim claim,
      int index,
      AddOnEditType type,
      List<AddOnEdit> all,
      LocalDate date,
      Source file) {
    String code = claim.lines().get(index).code();
    List<String> primaries = new ArrayList<>();
    long row = 0;
    for (AddOnEdit edit : all) {
      if (edit.inForceOn(date)) {
        if (row == 0) {
          row = edit.row();
        }
        if (edit.primaryCode() != null) {
          primaries.add(edit.primaryCode());
        }
      }
    }
    String listed =
        primaries.size() <= 10
            ? String.join(", ", primaries)
            : String.join(", ", primaries.subList(0, 10))
                + " and "
                + (primaries.size() - 10)
                + " more";
    Source source = file.atRow(row);
    return switch (type) {
      case LISTED_PRIMARIES_ONLY ->
          new Finding(
              FAMILY + ".primary-missing",
              Severity.ERROR,
              List.of(index + 1),
              List.of(code),
              code
                  + " is a type 1 add-on code: it is paid only with one of its primary codes on the"
                  + " same date of service ("
                  + date
                  + "), and the claim has none. Primary codes: "
                  + listed
                  + ".",
              "Report the primary procedure on the same claim and date, or remove " + code + ".",
              source);
      case LISTED_PRIMARIES_AND_OTHERS ->
          new Finding(
              FAMILY + ".primary-not-listed",
              Severity.WARNING,
              List.of(index + 1),
              List.of(code),
              code
                  + " is a type 3 add-on code: none of its listed primary codes ("
                  + listed
                  + ") is on the claim for "
                  + date
                  + ". The contractor may allow other primary codes.",
              "Report the primary procedure on the same claim and date, or confirm that the"
                  + " contractor accepts the primary code reported.",
              source);
      case CONTRACTOR_DEFINED_PRIMARIES ->
          new Finding(
              FAMILY + ".contractor-defined",
              Severity.INFO,
              List.of(index + 1),
              List.of(code),
              code
                  + " is a type 2 add-on code: CMS lists no primary codes for it; each contractor"
                  + " defines its own.",
              "Make sure a primary code the contractor accepts is on the claim for " + date + ".",
              source);
    };
  }
}
