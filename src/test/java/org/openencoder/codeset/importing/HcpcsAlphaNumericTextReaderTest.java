package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class HcpcsAlphaNumericTextReaderTest {

  static final String ZIP = "cms/hcpcs/january-2025-alpha-numeric-hcpcs-file.zip";
  static final String TEXT = "HCPC2025_JAN_ANWEB_12172024.txt";

  static List<HcpcsRecord> january2025() throws IOException {
    try (InputStream in = OfficialFiles.openMember(ZIP, TEXT);
        Stream<HcpcsRecord> records = HcpcsAlphaNumericTextReader.read(in, TEXT)) {
      return records.toList();
    }
  }

  @Test
  void readsEveryProcedureAndModifierOfJanuary2025() throws IOException {
    List<HcpcsRecord> records = january2025();

    List<HcpcsRecord> procedures = records.stream().filter(r -> !r.modifier()).toList();
    List<HcpcsRecord> modifiers = records.stream().filter(HcpcsRecord::modifier).toList();
    assertThat(procedures).hasSize(8_259);
    assertThat(modifiers).hasSize(383);
    assertThat(procedures).filteredOn(HcpcsRecord::active).hasSize(7_114);
    assertThat(modifiers).filteredOn(HcpcsRecord::active).hasSize(363);
    assertThat(records).extracting(HcpcsRecord::code).doesNotHaveDuplicates();
    assertThat(procedures).allSatisfy(r -> assertThat(r.code()).hasSize(5));
    assertThat(modifiers).allSatisfy(r -> assertThat(r.code()).hasSize(2));
    // The last record, V5364, is on line 15,700: every line of the file was read.
    assertThat(records.get(records.size() - 1).code()).isEqualTo("V5364");
    assertThat(records.get(records.size() - 1).line()).isEqualTo(15_700);
    assertThat(
            records.stream()
                .map(HcpcsRecord::actionEffectiveDate)
                .max(Comparator.naturalOrder())
                .orElseThrow())
        .isEqualTo(LocalDate.of(2025, 1, 1));
  }

  @Test
  void joinsTheContinuationLineOfBloodGlucoseTestStripsA4253() throws IOException {
    HcpcsRecord strips = byCode(january2025()).get("A4253");

    assertThat(strips)
        .isEqualTo(
            new HcpcsRecord(
                "A4253",
                false,
                "Blood glucose test or reagent strips for home blood glucose monitor, per 50"
                    + " strips",
                "Blood glucose/reagent strips",
                List.of("32"),
                "A",
                List.of("60-11"),
                List.of(),
                null,
                List.of(),
                List.of(),
                "D",
                null,
                null,
                null,
                "D1E",
                List.of("P"),
                0,
                LocalDate.of(1986, 1, 1),
                LocalDate.of(1998, 7, 1),
                null,
                "N",
                706));
  }

  @Test
  void keepsEveryOccurrenceOfRepeatedFieldsForTheCaneE0100() throws IOException {
    HcpcsRecord cane = byCode(january2025()).get("E0100");

    assertThat(cane.longDescription())
        .isEqualTo("Cane, includes canes of all materials, adjustable or fixed, with tip");
    assertThat(cane.cimReferences()).containsExactly("60-3", "60-9");
    assertThat(cane.mcmReferences()).containsExactly("2100.1");
    assertThat(cane.typesOfService()).containsExactly("A", "P", "R");
    assertThat(cane.coverage()).isEqualTo("D");
  }

  @Test
  void readsModifiersWithoutTheirPaddingAndWithoutProcedureFields() throws IOException {
    HcpcsRecord dressing = byCode(january2025()).get("A1");

    assertThat(dressing.modifier()).isTrue();
    assertThat(dressing.longDescription()).isEqualTo("Dressing for one wound");
    assertThat(dressing.pricingIndicators()).isEmpty();
    assertThat(dressing.anesthesiaBaseUnits()).isNull();
    assertThat(dressing.addDate()).isEqualTo(LocalDate.of(2002, 7, 1));
  }

  @Test
  void rejectsATruncatedLineWithItsLineNumber() throws IOException {
    List<String> lines = firstLines(3);
    lines.set(2, lines.get(2).substring(0, 200));

    assertThatThrownBy(() -> read(lines))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage()).contains(TEXT, "200 characters");
            });
  }

  @Test
  void rejectsAContinuationLineThatFollowsNoFirstLineOfItsCode() throws IOException {
    List<String> lines = firstLines(2);
    // Record id 8 (modifier continuation) under modifier A2, placed after A1.
    lines.set(1, lines.get(1).substring(0, 10) + "8" + lines.get(1).substring(11));
    assertThatThrownBy(() -> read(lines))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void rejectsAnUnknownRecordIdentificationCode() throws IOException {
    List<String> lines = firstLines(1);
    lines.set(0, lines.get(0).substring(0, 10) + "5" + lines.get(0).substring(11));
    assertThatThrownBy(() -> read(lines))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  private static List<HcpcsRecord> read(List<String> lines) {
    byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    try (Stream<HcpcsRecord> records =
        HcpcsAlphaNumericTextReader.read(new ByteArrayInputStream(bytes), TEXT)) {
      return records.toList();
    }
  }

  private static List<String> firstLines(int count) throws IOException {
    try (BufferedReader text =
        new BufferedReader(
            new InputStreamReader(
                OfficialFiles.openMember(ZIP, TEXT), StandardCharsets.US_ASCII))) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        lines.add(text.readLine());
      }
      return lines;
    }
  }

  static Map<String, HcpcsRecord> byCode(List<HcpcsRecord> records) {
    return records.stream().collect(Collectors.toMap(HcpcsRecord::code, Function.identity()));
  }
}
