package org.openencoder.ncci.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class MueFileReaderTest {

  private static final String FOLDER = "cms/ncci/mue/";
  private static final String PRACTITIONER = "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv";
  private static final String OUTPATIENT = "MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv";
  private static final String DME = "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv";

  private static List<MueEntry> read(String file) throws IOException {
    try (InputStream in = OfficialFiles.open(FOLDER + file);
        Stream<MueEntry> entries = MueFileReader.read(in, file)) {
      return entries.toList();
    }
  }

  private static Map<Integer, Long> byIndicator(List<MueEntry> entries) {
    return entries.stream()
        .collect(Collectors.groupingBy(MueEntry::adjudicationIndicator, Collectors.counting()));
  }

  @Test
  void readsThePractitionerTableOfApril2026() throws IOException {
    List<MueEntry> entries = read(PRACTITIONER);

    assertThat(entries).hasSize(15_095).extracting(MueEntry::code).doesNotHaveDuplicates();
    assertThat(byIndicator(entries))
        .containsOnly(Map.entry(1, 41L), Map.entry(2, 5_417L), Map.entry(3, 9_637L));
    // The AMA notice fills lines 1-7 and the header lines 8-9.
    assertThat(entries.get(0).code()).isEqualTo("0001U");
    assertThat(entries.get(0).line()).isEqualTo(10);
    assertThat(entries.get(entries.size() - 1).code()).isEqualTo("V5364");
    assertThat(byCode(entries).get("J1100"))
        .isEqualTo(
            new MueEntry(
                "J1100", 120, 3, "Date of Service Edit: Clinical", "Clinical: Data", 12_791));
  }

  @Test
  void readsTheOutpatientHospitalTableOfApril2026() throws IOException {
    List<MueEntry> entries = read(OUTPATIENT);

    assertThat(entries).hasSize(15_045).extracting(MueEntry::code).doesNotHaveDuplicates();
    assertThat(byIndicator(entries))
        .containsOnly(Map.entry(1, 42L), Map.entry(2, 6_075L), Map.entry(3, 8_928L));
    assertThat(byCode(entries).get("E0100").mueValue()).isZero();
  }

  @Test
  void readsTheDmeSupplierTableOfApril2026() throws IOException {
    List<MueEntry> entries = read(DME);

    assertThat(entries).hasSize(3_083).extracting(MueEntry::code).doesNotHaveDuplicates();
    assertThat(byIndicator(entries))
        .containsOnly(Map.entry(1, 23L), Map.entry(2, 1_309L), Map.entry(3, 1_751L));
    assertThat(byCode(entries).get("A4253"))
        .isEqualTo(
            new MueEntry(
                "A4253", 1, 3, "Date of Service Edit: Clinical", "Nature of Equipment", 38));
  }

  @Test
  void rejectsAnAdjudicationIndicatorOutsideOneToThree() {
    String file =
        "\"Synthetic notice\nfor testing\",,,\n"
            + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,"
            + "MUE Rationale\n"
            + "A4253,1,3 Date of Service Edit: Clinical,Nature of Equipment\n"
            + "A4254,1,4 Synthetic indicator,Nature of Equipment\n";

    assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(6));
  }

  @Test
  void rejectsATableWithoutTheRationaleColumn() {
    String file = "HCPCS/CPT Code,DME Supplier Services MUE Values,MUE Adjudication Indicator\n";

    assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  private static List<MueEntry> read(byte[] bytes) {
    try (Stream<MueEntry> entries = MueFileReader.read(new ByteArrayInputStream(bytes), "x.csv")) {
      return entries.toList();
    }
  }

  private static Map<String, MueEntry> byCode(List<MueEntry> entries) {
    return entries.stream().collect(Collectors.toMap(MueEntry::code, Function.identity()));
  }
}
