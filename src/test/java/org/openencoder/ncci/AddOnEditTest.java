package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openencoder.ncci.AddOnEdit.Status;

/** When an add-on code edit applies, read from its effective and deletion dates. */
class AddOnEditTest {

  private static AddOnEdit edit(
      AddOnEditType type, String primary, LocalDate effective, LocalDate deleted) {
    return new AddOnEdit(type, "22614", primary, effective, deleted, null, null, null, 3);
  }

  @Test
  void anEditAppliesFromItsEffectiveDateThroughItsDeletionDate() {
    AddOnEdit edit =
        edit(
            AddOnEditType.LISTED_PRIMARIES_ONLY,
            "22612",
            LocalDate.of(2013, 4, 1),
            LocalDate.of(2016, 12, 31));

    assertThat(edit.statusOn(LocalDate.of(2013, 3, 31))).isEqualTo(Status.NOT_YET_EFFECTIVE);
    assertThat(edit.statusOn(LocalDate.of(2013, 4, 1))).isEqualTo(Status.IN_FORCE);
    // The deletion date is the last day in force: CPT deletes the codes on the next day.
    assertThat(edit.statusOn(LocalDate.of(2016, 12, 31))).isEqualTo(Status.IN_FORCE);
    assertThat(edit.statusOn(LocalDate.of(2017, 1, 1))).isEqualTo(Status.ENDED);
  }

  @Test
  void anEditWithoutDeletionDateStaysInForce() {
    AddOnEdit edit =
        edit(AddOnEditType.LISTED_PRIMARIES_ONLY, "22612", LocalDate.of(2013, 4, 1), null);

    assertThat(edit.inForceOn(LocalDate.of(2099, 1, 1))).isTrue();
  }

  @Test
  void anEditDeletedOnItsFirstDayNeverApplied() {
    AddOnEdit edit =
        edit(
            AddOnEditType.LISTED_PRIMARIES_ONLY,
            "96130",
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2019, 1, 1));

    assertThat(edit.deletedRetroactively()).isTrue();
    assertThat(edit.statusOn(LocalDate.of(2019, 1, 1))).isEqualTo(Status.DELETED_RETROACTIVELY);
    assertThat(edit.inForceOn(LocalDate.of(2019, 1, 1))).isFalse();
  }

  @Test
  void onlyTypeOneNeedsAPrimaryCodeAndTypeTwoHasNone() {
    LocalDate from = LocalDate.of(2013, 4, 1);
    assertThatThrownBy(() -> edit(AddOnEditType.LISTED_PRIMARIES_ONLY, null, from, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> edit(AddOnEditType.CONTRACTOR_DEFINED_PRIMARIES, "22612", from, null))
        .isInstanceOf(IllegalArgumentException.class);
    // Type 3 lists primaries and may add a CCCCC row for the contractor's own.
    assertThat(edit(AddOnEditType.LISTED_PRIMARIES_AND_OTHERS, null, from, null).primaryCode())
        .isNull();
  }

  @Test
  void anEditCannotEndBeforeItStarts() {
    assertThatThrownBy(
            () ->
                edit(
                    AddOnEditType.LISTED_PRIMARIES_ONLY,
                    "22612",
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2019, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
