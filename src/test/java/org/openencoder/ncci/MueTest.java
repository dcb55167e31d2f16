package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An MUE checks itself and counts units against its value. */
class MueTest {

  @Test
  void unitsUpToTheValuePass() {
    Mue mue =
        new Mue(
            Setting.PRACTITIONER,
            "99213",
            2,
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
            "Clinical: Data",
            10_348);

    assertThat(mue.allows(2)).isTrue();
    assertThat(mue.allows(3)).isFalse();
  }

  @Test
  void aValueOfZeroAllowsNoUnit() {
    Mue mue =
        new Mue(
            Setting.PRACTITIONER,
            "A4253",
            0,
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
            "CMS Policy",
            10_587);

    assertThat(mue.allows(1)).isFalse();
  }

  @Test
  void rejectsANegativeValueAndACodeOfTheWrongShape() {
    assertThatThrownBy(
            () -> new Mue(Setting.DME, "A4253", -1, MueAdjudicationIndicator.LINE_EDIT, "x", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Mue(Setting.DME, "A425", 1, MueAdjudicationIndicator.LINE_EDIT, "x", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void indicatorsAreTheDigitsOfTheFiles() {
    assertThat(MueAdjudicationIndicator.of(1).display()).isEqualTo("1 = line edit");
    assertThat(MueAdjudicationIndicator.of(2).display())
        .isEqualTo("2 = date of service edit: policy");
    assertThat(MueAdjudicationIndicator.of(3).display())
        .isEqualTo("3 = date of service edit: clinical");
    assertThatThrownBy(() -> MueAdjudicationIndicator.of(4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
