package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsAxis;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsAxisValue;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsRow;
import org.openencoder.codeset.importing.Icd10PcsTablesReader.PcsTable;
import org.openencoder.testing.OfficialFiles;

class Icd10PcsTablesReaderTest {

  private static final String TABLES = "icd10/icd10pcs_tables_2026.xml";
  private static final String ORDER_ZIP =
      "icd10/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip";

  @Test
  void readsTheHeaderOfTheFy2026Tables() throws IOException {
    try (InputStream in = OfficialFiles.open(TABLES);
        Icd10PcsTablesReader reader = new Icd10PcsTablesReader(in, TABLES)) {
      assertThat(reader.version()).isEqualTo("2026");
      assertThat(reader.title()).isEqualTo("2026 ICD-10-PCS Tables");
    }
  }

  @Test
  void expandsTheFy2026TablesToExactlyTheValidCodesOfTheOrderFile() throws IOException {
    List<PcsTable> tables = readAll(OfficialFiles.open(TABLES), TABLES);

    assertThat(tables).hasSize(914);
    assertThat(tables).extracting(PcsTable::tableCode).doesNotHaveDuplicates();
    List<String> codes = tables.stream().flatMap(t -> t.codes().stream()).toList();
    // No two rows overlap: every code comes from exactly one row.
    assertThat(codes).hasSize(79_115).doesNotHaveDuplicates();
    assertThat(new HashSet<>(codes)).isEqualTo(validCodesOfTheOrderFile());
  }

  @Test
  void readsTheAxesOfTable001CentralNervousSystemBypass() throws IOException {
    PcsTable table = readAll(OfficialFiles.open(TABLES), TABLES).get(0);

    assertThat(table.tableCode()).isEqualTo("001");
    assertThat(table.tableAxes())
        .containsExactly(
            new PcsAxis(1, "Section", List.of(new PcsAxisValue("0", "Medical and Surgical")), null),
            new PcsAxis(
                2,
                "Body System",
                List.of(new PcsAxisValue("0", "Central Nervous System and Cranial Nerves")),
                null),
            new PcsAxis(
                3,
                "Operation",
                List.of(new PcsAxisValue("1", "Bypass")),
                "Altering the route of passage of the contents of a tubular body part"));
    PcsRow first = table.rows().get(0);
    assertThat(first.codeCount()).isEqualTo(99);
    assertThat(first.axes()).extracting(PcsAxis::position).containsExactly(4, 5, 6, 7);
    assertThat(first.axis(4).values()).containsExactly(new PcsAxisValue("6", "Cerebral Ventricle"));
    assertThat(first.axis(5).values())
        .extracting(PcsAxisValue::label)
        .containsExactly("Open", "Percutaneous", "Percutaneous Endoscopic");
    assertThat(first.axis(7).title()).isEqualTo("Qualifier");
    assertThat(first.axis(7).values()).hasSize(11);
    assertThat(first.codes("001")).hasSize(99).startsWith("0016070", "0016071");
    assertThat(table.codes()).contains("0016070", "00160JB", "00163ZB");
  }

  @Test
  void leavesTheDefinitionOutOnlyForRadiationTherapyModalities() throws IOException {
    List<PcsTable> withoutDefinition =
        readAll(OfficialFiles.open(TABLES), TABLES).stream()
            .filter(t -> t.axis(3).definition() == null)
            .toList();

    assertThat(withoutDefinition).hasSize(57).allMatch(t -> t.tableCode().startsWith("D"));
    assertThat(withoutDefinition).allMatch(t -> t.axis(3).title().equals("Modality"));
  }

  @Test
  void rejectsARowWhoseCodesAttributeDisagreesWithItsAxes() throws IOException {
    // The real table 001 with the first row's count edited from 99 to 98; the row is on line 19.
    String firstTable = firstTableOfTheRealFile();
    String edited = firstTable.replaceFirst("<pcsRow codes=\"99\">", "<pcsRow codes=\"98\">");
    assertThat(readAll(utf8(firstTable), "snippet.xml")).hasSize(1);

    assertThatThrownBy(() -> readAll(utf8(edited), "snippet.xml"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo("snippet.xml");
              assertThat(e.line()).isEqualTo(19);
            })
        .hasMessageContaining("codes=\"98\"")
        .hasMessageContaining("99 codes");
  }

  @Test
  void rejectsAnAxisWhoseValuesAttributeDisagreesWithItsLabels() throws IOException {
    // Line 24 is the approach axis of the first row, which lists 3 labels.
    String edited =
        firstTableOfTheRealFile()
            .replaceFirst("<axis pos=\"5\" values=\"3\">", "<axis pos=\"5\" values=\"2\">");

    assertThatThrownBy(() -> readAll(utf8(edited), "snippet.xml"))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(24))
        .hasMessageContaining("values=\"2\"");
  }

  @Test
  void reportsTheLineWhereATruncatedFileEnds() throws IOException {
    byte[] head;
    try (InputStream in = OfficialFiles.open(TABLES)) {
      head = in.readNBytes(5_000);
    }
    long lines =
        new String(head, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;

    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(head), TABLES))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(TABLES);
              // The cut falls inside line 143, an axis start tag: the parser stops there.
              assertThat(e.line()).isEqualTo(lines).isEqualTo(143);
            });
  }

  private static List<PcsTable> readAll(InputStream in, String fileName) throws IOException {
    try (in;
        Icd10PcsTablesReader reader = new Icd10PcsTablesReader(in, fileName)) {
      return reader.tables().toList();
    }
  }

  /** The real file cut after its first table, closed again so that it is well-formed. */
  private static String firstTableOfTheRealFile() throws IOException {
    String head;
    try (InputStream in = OfficialFiles.open(TABLES)) {
      head = new String(in.readNBytes(20_000), StandardCharsets.UTF_8);
    }
    int end = head.indexOf("</pcsTable>") + "</pcsTable>".length();
    return head.substring(0, end) + "\n</ICD10PCS.tabular>\n";
  }

  private static InputStream utf8(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The FY2026 order file's valid codes, by its fixed-width layout (icd10pcsOrderFile.pdf): columns
   * 7-13 hold the code and column 15 the flag, 1 for a valid code and 0 for a table header.
   */
  private static Set<String> validCodesOfTheOrderFile() throws IOException {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                OfficialFiles.openMember(ORDER_ZIP, "icd10pcs_order_2026.txt"),
                StandardCharsets.US_ASCII))) {
      return lines
          .lines()
          .filter(line -> line.charAt(14) == '1')
          .map(line -> line.substring(6, 13).trim())
          .collect(Collectors.toSet());
    }
  }
}
