package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Medicare NCCI procedure-to-procedure (PTP) edit: when both codes are reported for one
 * beneficiary by one provider on one date of service, the column 2 code is denied unless the
 * modifier indicator allows an NCCI PTP-associated modifier and the circumstances justify it (NCCI
 * Policy Manual for Medicare Services, 2026, chapter I, sections D and E).
 *
 * <p>Dates, as {@link #inForceOn} reads them. The deletion date is the last day an edit applies:
 * CMS deletes edits with its quarterly update, and the v30.2 table (in force from 2024-07-01) ends
 * the edits it deleted on 20240630, the v30.1 table (from 2024-04-01) on 20240331, the last day of
 * the quarter before; no deletion date in either falls on the first day of a quarter's update. The
 * add-on code edits read the same way ({@link AddOnEdit}). An edit whose deletion date equals its
 * effective date, modifier indicator 9 (policy manual, chapter I, section E), was deleted
 * retroactively and never applied.
 *
 * @param effective the first day the edit applies, or null when the source lacks the Effective Date
 *     column (the derived 2024 tables): the edit's start date is then unknown
 * @param deleted the last day the edit applies, or null for "*", no deletion
 * @param rationale the PTP edit rationale as the file writes it
 * @param file the file the row comes from (a part of the release)
 * @param line the text line of the row in that file, 1-based
 */
public record PtpEdit(
    Setting setting,
    String column1,
    String column2,
    @Nullable LocalDate effective,
    @Nullable LocalDate deleted,
    PtpModifierIndicator modifierIndicator,
    String rationale,
    String file,
    long line) {

  public PtpEdit {
    Objects.requireNonNull(setting);
    Objects.requireNonNull(column1);
    Objects.requireNonNull(column2);
    Objects.requireNonNull(modifierIndicator);
    if (effective != null && deleted != null && deleted.isBefore(effective)) {
      throw new IllegalArgumentException(
          "The edit " + column1 + "/" + column2 + " ends on " + deleted + ", before " + effective);
    }
  }

  /** Whether the edit applies to a date of service; see the class comment for the dates. */
  public boolean inForceOn(LocalDate dateOfService) {
    return inForce(
        effective == null ? UNKNOWN_START : (int) effective.toEpochDay(),
        deleted == null ? NO_END : (int) deleted.toEpochDay(),
        modifierIndicator.cmsValue(),
        (int) dateOfService.toEpochDay());
  }

  /** False for the derived 2024 tables, which lack the Effective Date column. */
  public boolean effectiveDateKnown() {
    return effective != null;
  }

  /** Deleted the day it took effect (modifier indicator 9): the edit never applied. */
  public boolean deletedRetroactively() {
    return modifierIndicator == PtpModifierIndicator.NOT_APPLICABLE
        || (effective != null && effective.equals(deleted));
  }

  /** "29881/29877". */
  public String pair() {
    return column1 + "/" + column2;
  }

  /** The epoch day {@link PtpTable} stores for "no Effective Date column". */
  static final int UNKNOWN_START = Integer.MIN_VALUE;

  /** The epoch day {@link PtpTable} stores for "*", no deletion. */
  static final int NO_END = Integer.MAX_VALUE;

  /**
   * The rule of {@link #inForceOn} on epoch days, shared with {@link PtpTable}, which keeps its
   * rows as primitives. An unknown start does not rule a date out: the derived tables cannot tell.
   */
  static boolean inForce(int effectiveDay, int deletedDay, int modifier, int day) {
    if (modifier == 9 || effectiveDay == deletedDay) {
      return false;
    }
    return day >= effectiveDay && day <= deletedDay;
  }
}
