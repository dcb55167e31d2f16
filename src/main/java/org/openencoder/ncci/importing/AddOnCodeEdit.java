package org.openencoder.ncci.importing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One Medicare NCCI add-on code edit: an add-on code may be paid only with one of its primary codes
 * (NCCI Policy Manual, chapter I, section Q).
 *
 * @param type 1 = only the listed primary codes are eligible; 2 = CMS lists no primary codes,
 *     contractors define them (the primary code is then the placeholder {@code CCCCC}); 3 = some
 *     primary codes are listed, contractors may add others
 * @param addOnCode the add-on HCPCS/CPT code
 * @param addOnDeletionDate when the add-on code itself was deleted, or null
 * @param primaryCode a primary code it may be reported with ({@code CCCCC} for type 2)
 * @param primaryDeletionDate when the primary code was deleted, or null
 * @param effectiveDate when this pairing took effect
 * @param deletionDate when this pairing ended, or null while in force
 * @param specialInstructions CMS's note on the pairing, e.g. a manual reference, or null
 * @param row the spreadsheet row, 1-based
 */
record AddOnCodeEdit(
    int type,
    String addOnCode,
    @Nullable LocalDate addOnDeletionDate,
    String primaryCode,
    @Nullable LocalDate primaryDeletionDate,
    LocalDate effectiveDate,
    @Nullable LocalDate deletionDate,
    @Nullable String specialInstructions,
    long row) {

  /** True while the edit is in force: it has no deletion date. */
  boolean inForce() {
    return deletionDate == null;
  }
}
