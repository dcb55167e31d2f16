package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class HcpcsAlphaNumericSpreadsheetReaderTest {

  private static final String OCTOBER = "cms/hcpcs/HCPC2025_OCT_ANWEB.xlsx";
  private static final String JANUARY = "HCPC2025_JAN_ANWEB_12172024.xlsx";

  @Test
  void readsEveryProcedureAndModifierOfOctober2025() throws IOException {
    List<HcpcsRecord> records;
    try (InputStream in = OfficialFiles.open(OCTOBER);
        Stream<HcpcsRecord> stream = HcpcsAlphaNumericSpreadsheetReader.read(in, OCTOBER)) {
      records = stream.toList();
    }

    List<HcpcsRecord> procedures = records.stream().filter(r -> !r.modifier()).toList();
    assertThat(procedures).hasSize(8_463);
    assertThat(procedures).filteredOn(HcpcsRecord::active).hasSize(7_258);
    assertThat(records).filteredOn(HcpcsRecord::modifier).hasSize(383);
    assertThat(records).extracting(HcpcsRecord::code).doesNotHaveDuplicates();
    assertThat(
            records.stream()
                .map(HcpcsRecord::actionEffectiveDate)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElseThrow())
        .isEqualTo(LocalDate.of(2025, 10, 1));
    // Row 1 is the header; the rows are the records, one each.
    assertThat(records.get(0).line()).isEqualTo(2);
    assertThat(records.get(records.size() - 1).line()).isEqualTo(8_847);
    HcpcsRecord strips = HcpcsAlphaNumericTextReaderTest.byCode(records).get("A4253");
    assertThat(strips.longDescription())
        .isEqualTo(
            "Blood glucose test or reagent strips for home blood glucose monitor, per 50 strips");
    assertThat(strips.coverage()).isEqualTo("D");
  }

  @Test
  void agreesWithTheTextFileOfTheSameReleaseApartFromThreeKnownCmsSlips() throws IOException {
    List<HcpcsRecord> spreadsheet;
    try (InputStream in = OfficialFiles.openMember(HcpcsAlphaNumericTextReaderTest.ZIP, JANUARY);
        Stream<HcpcsRecord> stream = HcpcsAlphaNumericSpreadsheetReader.read(in, JANUARY)) {
      spreadsheet = stream.toList();
    }
    Map<String, HcpcsRecord> text =
        HcpcsAlphaNumericTextReaderTest.byCode(HcpcsAlphaNumericTextReaderTest.january2025());
    Map<String, HcpcsRecord> sheet = HcpcsAlphaNumericTextReaderTest.byCode(spreadsheet);

    assertThat(sheet.keySet()).isEqualTo(text.keySet()).hasSize(8_642);
    Set<String> actionDateMissingInSheet = new TreeSet<>();
    Set<String> otherDifferences = new TreeSet<>();
    for (String code : text.keySet()) {
      for (String field : differingFields(text.get(code), sheet.get(code))) {
        if (field.equals("actionEffectiveDate") && sheet.get(code).actionEffectiveDate() == null) {
          actionDateMissingInSheet.add(code);
        } else {
          otherDifferences.add(code + "." + field);
        }
      }
    }
    // CMS left ACT EFF DT empty in the spreadsheet for 116 old codes (ambulance, orthotics, ...).
    assertThat(actionDateMissingInSheet).hasSize(116).contains("A0130", "L5724", "V2219");
    // The spreadsheet adds a 4th type of service R (rental) to two DME codes, and its cell for
    // G0503 stops mid-sentence ("... and/or other treatment") where the text file goes on.
    assertThat(otherDifferences)
        .containsExactly("E0210.typesOfService", "E0776.typesOfService", "G0503.longDescription");
    assertThat(sheet.get("E0210").typesOfService())
        .containsExactlyElementsOf(concat(text.get("E0210").typesOfService(), "R"));
    assertThat(text.get("G0503").longDescription())
        .startsWith(sheet.get("G0503").longDescription());
  }

  @Test
  void rejectsASheetWithoutTheCoverageColumn() throws IOException {
    byte[] workbook = syntheticWorkbookWithout("COV");

    assertThatThrownBy(
            () ->
                HcpcsAlphaNumericSpreadsheetReader.read(
                    new ByteArrayInputStream(workbook), "x.xlsx"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.getMessage()).contains("[COV]");
            });
  }

  @Test
  void rejectsAFileThatIsNotAWorkbook() {
    byte[] notXlsx = "HCPC,RECID\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThatThrownBy(
            () ->
                HcpcsAlphaNumericSpreadsheetReader.read(
                    new ByteArrayInputStream(notXlsx), "x.xlsx"))
        .isInstanceOf(MalformedFileException.class);
  }

  private static byte[] syntheticWorkbookWithout(String leftOut) throws IOException {
    // The 48 column names of the real header row, in their order.
    List<String> headers =
        new ArrayList<>(
            List.of(
                ("HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,PRICE1,PRICE2,PRICE3,"
                        + "PRICE4,MULT_PI,CIM1,CIM2,CIM3,MCM1,MCM2,MCM3,STATUTE,LABCERT1,LABCERT2,"
                        + "LABCERT3,LABCERT4,LABCERT5,LABCERT6,LABCERT7,LABCERT8,XREF1,XREF2,XREF3,"
                        + "XREF4,XREF5,COV,ASC_GRP,ASC_DT,OPPS,OPPS_PI,OPPS_DT,PROCNOTE,BETOS,TOS1,"
                        + "TOS2,TOS3,TOS4,TOS5,ANEST_BU,ADD DT,ACT EFF DT,TERM DT,ACTION CD")
                    .split(",")));
    assertThat(headers).hasSize(48);
    headers.remove(leftOut);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("Z9999");
      row.createCell(3).setCellValue("Synthetic descriptor for testing 1");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static List<String> differingFields(HcpcsRecord a, HcpcsRecord b) {
    List<String> fields = new ArrayList<>();
    for (RecordComponent component : HcpcsRecord.class.getRecordComponents()) {
      if (component.getName().equals("line")) {
        continue;
      }
      try {
        Object left = component.getAccessor().invoke(a);
        Object right = component.getAccessor().invoke(b);
        if (!Objects.equals(left, right)) {
          fields.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new LinkageError(e.getMessage(), e);
      }
    }
    return fields;
  }

  private static List<String> concat(List<String> values, String more) {
    List<String> all = new ArrayList<>(values);
    all.add(more);
    return all;
  }
}
