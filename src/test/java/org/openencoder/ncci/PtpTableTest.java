package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.Release;

/** The in-memory table on a few rows given out of order: lookups, windows, unknown codes. */
class PtpTableTest {

  private static final Release RELEASE =
      new Release(
          7,
          NcciTables.PTP_PRACTITIONER_DATASET,
          "2026Q4",
          "PTP test release",
          LocalDate.of(2026, 10, 1),
          LocalDate.of(2026, 12, 31),
          Release.State.ACTIVE,
          "",
          Map.of(),
          List.of(),
          List.of(),
          null,
          Instant.EPOCH,
          Instant.EPOCH,
          Instant.EPOCH);

  private static int day(int year, int month, int dayOfMonth) {
    return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  private static PtpTable table() {
    PtpTable.Builder builder =
        new PtpTable.Builder(
            RELEASE,
            Setting.PRACTITIONER,
            List.of("Rationale A", "Rationale B"),
            List.of("f0", "f1"));
    builder.row("93000", "93010", day(2000, 1, 1), PtpEdit.NO_END, 1, 0, 1, 20);
    builder.row("11042", "97597", day(2013, 1, 1), PtpEdit.NO_END, 1, 1, 1, 12);
    builder.row("29881", "29877", day(2002, 1, 1), day(2002, 1, 1), 9, 0, 1, 14);
    builder.row("11042", "97597", day(2009, 1, 1), day(2012, 12, 31), 0, 1, 0, 11);
    builder.row("29881", "29877", day(2002, 4, 1), PtpEdit.NO_END, 0, 0, 1, 15);
    builder.row("29881", "93000", day(2010, 1, 1), PtpEdit.NO_END, 1, 1, 1, 16);
    return builder.build();
  }

  @Test
  void aPairAnswersWithItsRowInForceOnTheDate() {
    PtpTable table = table();

    assertThat(table.size()).isEqualTo(6);
    assertThat(table.codeCount()).isEqualTo(6);
    PtpEdit early = table.edit("11042", "97597", LocalDate.of(2010, 6, 1)).orElseThrow();
    assertThat(early.modifierIndicator()).isEqualTo(PtpModifierIndicator.NOT_ALLOWED);
    assertThat(early.file()).isEqualTo("f0");
    assertThat(early.line()).isEqualTo(11);
    PtpEdit late = table.edit("11042", "97597", LocalDate.of(2026, 11, 1)).orElseThrow();
    assertThat(late.modifierIndicator()).isEqualTo(PtpModifierIndicator.ALLOWED);
    assertThat(late.rationale()).isEqualTo("Rationale B");
    assertThat(table.edit("11042", "97597", LocalDate.of(2008, 1, 1))).isEmpty();
    assertThat(table.rows("11042", "97597")).hasSize(2);
  }

  @Test
  void unknownCodesAndTheReverseOrderFindNothing() {
    PtpTable table = table();

    assertThat(table.edit("A4253", "93000", LocalDate.of(2026, 11, 1))).isEmpty();
    assertThat(table.edit("93010", "93000", LocalDate.of(2026, 11, 1))).isEmpty();
    assertThat(table.rows("A4253", "Z9999")).isEmpty();
    assertThat(table.column2Edits("A4253", LocalDate.of(2026, 11, 1))).isEmpty();
  }

  @Test
  void codesAreNormalizedAndEditsAmongFindsBothOrders() {
    PtpTable table = table();
    LocalDate date = LocalDate.of(2026, 11, 1);

    assertThat(table.edit(" 93000 ", "93010", date)).isPresent();
    assertThat(table.editsAmong(List.of("93010", "29877", "29881", "93000", "29881"), date))
        .extracting(PtpEdit::pair)
        .containsExactlyInAnyOrder("29881/29877", "29881/93000", "93000/93010");
    assertThat(table.column2Edits("29881", date))
        .extracting(PtpEdit::column2)
        .containsExactly("29877", "93000");
    assertThat(table.column1Edits("93000", date))
        .extracting(PtpEdit::column1)
        .containsExactly("29881");
  }
}
