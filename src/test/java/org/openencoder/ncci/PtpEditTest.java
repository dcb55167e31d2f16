package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a PTP edit is in force: from its effective date through its deletion date. */
class PtpEditTest {

  private static PtpEdit edit(LocalDate effective, LocalDate deleted, int modifier) {
    return new PtpEdit(
        Setting.PRACTITIONER,
        "11042",
        "97597",
        effective,
        deleted,
        PtpModifierIndicator.of(modifier),
        "Standards of medical / surgical practice",
        "f1",
        9);
  }

  @Test
  void theDeletionDateIsTheLastDayInForce() {
    PtpEdit edit = edit(LocalDate.of(2009, 1, 1), LocalDate.of(2012, 12, 31), 0);

    assertThat(edit.inForceOn(LocalDate.of(2008, 12, 31))).isFalse();
    assertThat(edit.inForceOn(LocalDate.of(2009, 1, 1))).isTrue();
    assertThat(edit.inForceOn(LocalDate.of(2012, 12, 31))).isTrue();
    assertThat(edit.inForceOn(LocalDate.of(2013, 1, 1))).isFalse();
  }

  @Test
  void anEditDeletedOnItsEffectiveDateNeverApplied() {
    PtpEdit edit = edit(LocalDate.of(2002, 1, 1), LocalDate.of(2002, 1, 1), 9);

    assertThat(edit.deletedRetroactively()).isTrue();
    assertThat(edit.inForceOn(LocalDate.of(2002, 1, 1))).isFalse();
  }

  @Test
  void withoutAStartDateOnlyTheDeletionDateRulesADateOut() {
    PtpEdit edit = edit(null, LocalDate.of(2023, 12, 31), 1);

    assertThat(edit.effectiveDateKnown()).isFalse();
    assertThat(edit.inForceOn(LocalDate.of(1990, 1, 1))).isTrue();
    assertThat(edit.inForceOn(LocalDate.of(2024, 1, 1))).isFalse();
    assertThat(edit(null, null, 9).inForceOn(LocalDate.of(2024, 1, 1))).isFalse();
  }

  @Test
  void theModifierIndicatorIsZeroOneOrNine() {
    assertThat(PtpModifierIndicator.of(9)).isEqualTo(PtpModifierIndicator.NOT_APPLICABLE);
    assertThat(PtpModifierIndicator.ALLOWED.cmsValue()).isEqualTo(1);
    assertThatThrownBy(() -> PtpModifierIndicator.of(2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
