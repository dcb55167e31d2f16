package org.openencoder.ncci.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class AddOnCodeEditReaderTest {

  private static final String AOC = "cms/ncci/aoc/AOC_V2026Q2-MCR.xlsx";

  private static List<AddOnCodeEdit> read() throws IOException {
    try (InputStream in = OfficialFiles.open(AOC);
        Stream<AddOnCodeEdit> edits = AddOnCodeEditReader.read(in, AOC)) {
      return edits.toList();
    }
  }

  @Test
  void readsEveryEditOfTheSecondQuarterOf2026() throws IOException {
    List<AddOnCodeEdit> edits = read();

    assertThat(edits).hasSize(9_000);
    assertThat(
            edits.stream()
                .collect(Collectors.groupingBy(AddOnCodeEdit::type, Collectors.counting())))
        .containsOnly(Map.entry(1, 8_293L), Map.entry(2, 47L), Map.entry(3, 660L));
    assertThat(edits.stream().map(AddOnCodeEdit::addOnCode).distinct()).hasSize(830);
    assertThat(edits).filteredOn(AddOnCodeEdit::inForce).hasSize(7_740);
    assertThat(edits.stream().map(AddOnCodeEdit::effectiveDate).max(Comparator.naturalOrder()))
        .contains(LocalDate.of(2026, 1, 1));
    // Type 2 edits name no primary codes: contractors define them.
    assertThat(edits)
        .filteredOn(e -> e.type() == 2)
        .extracting(AddOnCodeEdit::primaryCode)
        .containsOnly("CCCCC");
  }

  @Test
  void readsTheFirstRowAfterTheNoticeAndTheHeader() throws IOException {
    assertThat(read().get(0))
        .isEqualTo(
            new AddOnCodeEdit(
                2,
                "0054T",
                null,
                "CCCCC",
                null,
                LocalDate.of(2013, 4, 1),
                null,
                "Contractor Defined Primary Codes",
                3));
  }

  @Test
  void convertsEveryOrdinalDateOfADeletedEdit() throws IOException {
    List<AddOnCodeEdit> edits = read();

    // Day 181 of 2023 is 30 June, day 365 is 31 December, day 274 of 2021 is 1 October.
    assertThat(edits.get(edits.size() - 1))
        .isEqualTo(
            new AddOnCodeEdit(
                1,
                "U0005",
                LocalDate.of(2023, 6, 30),
                "U0004",
                LocalDate.of(2023, 12, 31),
                LocalDate.of(2021, 10, 1),
                LocalDate.of(2023, 6, 30),
                null,
                9_002));
  }

  @Test
  void rejectsADayThatItsYearDoesNotHave() throws IOException {
    byte[] workbook = syntheticWorkbook("2025366");

    assertThatThrownBy(
            () -> {
              try (Stream<AddOnCodeEdit> edits =
                  AddOnCodeEditReader.read(new ByteArrayInputStream(workbook), "x.xlsx")) {
                edits.toList();
              }
            })
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage()).contains("AOC_Edit_EffDT", "2025366");
            });
  }

  private static byte[] syntheticWorkbook(String effectiveDate) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("Synthetic notice for testing");
      String[] headers = {
        "AOC_Edit_Type",
        "Add-On_Code",
        "AOC_DelDT",
        "Primary_Code",
        "Primary_Code_DelDT",
        "AOC_Edit_EffDT",
        "AOC_Edit_DelDT",
        "Special_Instruction_Notes"
      };
      Row header = sheet.createRow(1);
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      Row row = sheet.createRow(2);
      row.createCell(0).setCellValue("1");
      row.createCell(1).setCellValue("99990");
      row.createCell(3).setCellValue("99991");
      row.createCell(5).setCellValue(effectiveDate);
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
