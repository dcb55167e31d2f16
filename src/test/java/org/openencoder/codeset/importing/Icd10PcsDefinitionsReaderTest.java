package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.importing.Icd10PcsDefinitionsReader.PcsDefinition;
import org.openencoder.codeset.importing.Icd10PcsDefinitionsReader.PcsDeviceAggregate;
import org.openencoder.testing.OfficialFiles;

class Icd10PcsDefinitionsReaderTest {

  private static final String DEFINITIONS = "icd10/icd10pcs_definitions_2026.xml";

  @Test
  void readsOneDefinitionPerTermsElementOfTheFy2026File() throws IOException {
    try (InputStream in = OfficialFiles.open(DEFINITIONS);
        Icd10PcsDefinitionsReader reader = new Icd10PcsDefinitionsReader(in, DEFINITIONS)) {
      assertThat(reader.version()).isEqualTo("2026");
      assertThat(reader.title()).isEqualTo("2026 ICD-10-PCS Definitions");
      List<PcsDefinition> definitions = reader.definitions().toList();

      assertThat(definitions).hasSize(954);
      // 16 sections: all but Radiation Therapy (D), whose tables carry no definitions either.
      assertThat(definitions)
          .extracting(PcsDefinition::sectionCode)
          .containsOnly(
              "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "B", "C", "F", "G", "H", "X");
      // 1,090 titles: a body part or device entry often names several values (left and right).
      assertThat(definitions.stream().mapToInt(d -> d.terms().size()).sum()).isEqualTo(1_090);
      assertThat(definitions.stream().map(PcsDefinition::definition).filter(Objects::nonNull))
          .hasSize(323);
      assertThat(definitions.stream().map(PcsDefinition::explanation).filter(Objects::nonNull))
          .hasSize(60);
      assertThat(definitions.stream().mapToInt(d -> d.includes().size()).sum()).isEqualTo(1_966);
    }
  }

  @Test
  void readsTheMedicalAndSurgicalOperationBypass() throws IOException {
    PcsDefinition bypass =
        readAll().stream()
            .filter(d -> d.sectionCode().equals("0") && d.terms().equals(List.of("Bypass")))
            .findFirst()
            .orElseThrow();

    assertThat(bypass)
        .isEqualTo(
            new PcsDefinition(
                "0",
                "Medical and Surgical",
                3,
                "Operation",
                List.of("Bypass"),
                "Altering the route of passage of the contents of a tubular body part",
                "Rerouting contents of a body part to a downstream area of the normal route, to a"
                    + " similar route and body part, or to an abnormal route and dissimilar body"
                    + " part. Includes one or more anastomoses, with or without the use of a"
                    + " device",
                List.of("Coronary artery bypass, colostomy formation"),
                15));
  }

  @Test
  void keepsTheTitlesThatShareOneBodyPartEntry() throws IOException {
    PcsDefinition toe =
        readAll().stream()
            .filter(d -> d.terms().contains("1st Toe, Left"))
            .findFirst()
            .orElseThrow();

    assertThat(toe.axisPosition()).isEqualTo(4);
    assertThat(toe.axisTitle()).isEqualTo("Body Part");
    assertThat(toe.terms()).containsExactly("1st Toe, Left", "1st Toe, Right");
    assertThat(toe.definition()).isNull();
    assertThat(toe.includes()).containsExactly("Hallux");
  }

  @Test
  void readsTheDeviceAggregationTableThatClosesTheFile() throws IOException {
    try (InputStream in = OfficialFiles.open(DEFINITIONS);
        Icd10PcsDefinitionsReader reader = new Icd10PcsDefinitionsReader(in, DEFINITIONS)) {
      List<PcsDeviceAggregate> aggregates = reader.deviceAggregates();

      assertThat(aggregates).hasSize(60);
      assertThat(aggregates.get(0))
          .isEqualTo(
              new PcsDeviceAggregate(
                  "Autologous Arterial Tissue",
                  "All applicable",
                  List.of(
                      "Heart and Great Vessels",
                      "Lower Arteries",
                      "Lower Veins",
                      "Upper Arteries",
                      "Upper Veins"),
                  "7",
                  "Autologous Tissue Substitute",
                  5494));
      assertThat(reader.definitions()).isEmpty();
    }
  }

  @Test
  void reportsTheLineWhereATruncatedFileEnds() throws IOException {
    byte[] head;
    try (InputStream in = OfficialFiles.open(DEFINITIONS)) {
      head = in.readNBytes(3_000);
    }
    // The parser stops on the last line of the cut, complete or not.
    long lines =
        new String(head, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;

    assertThatThrownBy(
            () -> {
              try (Icd10PcsDefinitionsReader reader =
                  new Icd10PcsDefinitionsReader(new ByteArrayInputStream(head), DEFINITIONS)) {
                reader.definitions().forEach(d -> {});
              }
            })
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(lines));
  }

  private static List<PcsDefinition> readAll() throws IOException {
    try (InputStream in = OfficialFiles.open(DEFINITIONS);
        Icd10PcsDefinitionsReader reader = new Icd10PcsDefinitionsReader(in, DEFINITIONS)) {
      return reader.definitions().toList();
    }
  }
}
