package org.openencoder.ncci;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Medicare NCCI add-on code edit: the pairing of an add-on code with a primary code it may be
 * reported with (NCCI Policy Manual, chapter I, section W).
 *
 * <p>Deletion dates are the last day an edit applies: of the 1,260 deleted edits in the AOC file of
 * 2026 Q2, 1,236 end on 31 December, the day before the annual CPT update deletes their codes
 * (add-on code 22851 has AOC_DelDT 2016366, 31 December 2016; CPT deleted it on 1 January 2017). An
 * edit deleted on the day it took effect (18 rows of that file) was deleted retroactively and never
 * applied; four of them carry the note "Temporarily suspended retroactive to 1/1/2019".
 *
 * @param primaryCode the primary code, or null where the file writes the placeholder CCCCC,
 *     "Contractor Defined Primary Codes": every type 2 edit, and one row of some type 3 edits,
 *     which stands for the primaries a contractor adds to the listed ones
 * @param deleted the last day the edit applies, or null while it has no end
 * @param addOnCodeDeleted when the add-on code itself was deleted, or null
 * @param primaryCodeDeleted when the primary code was deleted, or null
 * @param specialInstructions CMS's note on the pairing, or null
 * @param row the spreadsheet row of the AOC file, for citing it
 */
public record AddOnEdit(
    AddOnEditType type,
    String addOnCode,
    @Nullable String primaryCode,
    LocalDate effective,
    @Nullable LocalDate deleted,
    @Nullable LocalDate addOnCodeDeleted,
    @Nullable LocalDate primaryCodeDeleted,
    @Nullable String specialInstructions,
    long row) {

  /** Where an edit stands on a date of service. */
  public enum Status {
    IN_FORCE,
    NOT_YET_EFFECTIVE,
    ENDED,
    DELETED_RETROACTIVELY
  }

  public AddOnEdit {
    Objects.requireNonNull(type);
    Objects.requireNonNull(addOnCode);
    Objects.requireNonNull(effective);
    if (type == AddOnEditType.LISTED_PRIMARIES_ONLY && primaryCode == null) {
      throw new IllegalArgumentException(
          "A type 1 add-on code edit names its primary code: " + addOnCode);
    }
    if (type == AddOnEditType.CONTRACTOR_DEFINED_PRIMARIES && primaryCode != null) {
      throw new IllegalArgumentException(
          "A type 2 add-on code edit names no primary code: " + addOnCode + " " + primaryCode);
    }
    if (deleted != null && deleted.isBefore(effective)) {
      throw new IllegalArgumentException(
          "The edit of "
              + addOnCode
              + " ends on "
              + deleted
              + ", before it starts on "
              + effective);
    }
  }

  public boolean deletedRetroactively() {
    return effective.equals(deleted);
  }

  public Status statusOn(LocalDate date) {
    if (deletedRetroactively()) {
      return Status.DELETED_RETROACTIVELY;
    }
    if (date.isBefore(effective)) {
      return Status.NOT_YET_EFFECTIVE;
    }
    if (deleted != null && date.isAfter(deleted)) {
      return Status.ENDED;
    }
    return Status.IN_FORCE;
  }

  public boolean inForceOn(LocalDate date) {
    return statusOn(date) == Status.IN_FORCE;
  }
}
