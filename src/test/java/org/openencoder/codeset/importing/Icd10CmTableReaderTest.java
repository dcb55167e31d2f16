package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class Icd10CmTableReaderTest {

  @Test
  void drugTableGives40026CodesUnderSixColumnHeadings() throws IOException {
    Table table = read(OfficialFiles.open("icd10/icd-10-cm-drug-2025.xml"), "drug.xml");

    assertThat(table.headings)
        .containsExactly(
            "Substance",
            "Poisoning Accidental (unintentional)",
            "Poisoning Intentional self-harm",
            "Poisoning Assault",
            "Poisoning Undetermined",
            "Adverse effect",
            "Underdosing");
    // 5,177 main terms and 2,251 subterms; 7,202 have their six cells (3,186 of them "--") and
    // 103 more only a see or see also.
    assertThat(table.rows).hasSize(7_305);
    assertThat(codeCount(table)).isEqualTo(40_026);
    assertThat(table.rows.get(0).path()).containsExactly("1-propanol");
    assertThat(table.rows.get(0).codeByColumnHeading())
        .containsExactly(
            Map.entry("Poisoning Accidental (unintentional)", "T51.3X1"),
            Map.entry("Poisoning Intentional self-harm", "T51.3X2"),
            Map.entry("Poisoning Assault", "T51.3X3"),
            Map.entry("Poisoning Undetermined", "T51.3X4"));
    assertThat(table.rows)
        .filteredOn(r -> r.path().get(0).equals("2,4-D (dichlorophen-oxyacetic acid)"))
        .singleElement()
        .satisfies(r -> assertThat(r.line()).isPositive());
  }

  @Test
  void neoplasmTableGivesTheCodesOfEachSiteAndSkipsDashes() throws IOException {
    Table table = read(OfficialFiles.open("icd10/icd-10-cm-neoplasm-2025.xml"), "neoplasm.xml");

    assertThat(table.headings)
        .containsExactly(
            "Neoplasm",
            "Malignant Primary",
            "Malignant Secondary",
            "Ca in situ",
            "Benign",
            "Uncertain Behavior",
            "Unspecified Behavior");
    // 10,916 cells, 1,898 of them "-"; 1,894 of the 1,939 terms have cells or a cross-reference.
    assertThat(codeCount(table)).isEqualTo(10_916 - 1_898);
    assertThat(table.rows).hasSize(1_894);
    assertThat(table.rows).filteredOn(r -> r.see() != null).hasSize(67);
    assertThat(table.rows).filteredOn(r -> r.seeAlso() != null).hasSize(120);
    assertThat(table.rows.get(0).path()).containsExactly("Neoplasm, neoplastic");
    assertThat(table.rows.get(0).codeByColumnHeading()).containsEntry("Malignant Primary", "C80.1");

    TableRow lung = row(table, "Neoplasm, neoplastic", "lung");
    // The table sends the coder to the Tabular List for laterality: C34.9- not C34.90.
    assertThat(lung.codeByColumnHeading())
        .containsExactly(
            Map.entry("Malignant Primary", "C34.9-"),
            Map.entry("Malignant Secondary", "C78.0-"),
            Map.entry("Ca in situ", "D02.2-"),
            Map.entry("Benign", "D14.3-"),
            Map.entry("Uncertain Behavior", "D38.1"),
            Map.entry("Unspecified Behavior", "D49.1"));
    TableRow bookLeaf = row(table, "Neoplasm, neoplastic", "book-leaf (mouth)");
    assertThat(bookLeaf.manif()).isEqualTo("ventral surface of tongue and floor of mouth");
  }

  @Test
  void aCellInAColumnWithoutHeadingIsReportedWithItsLine() {
    String xml =
        "<ICD10CM.index>\n<indexHeading>\n<head col=\"1\">Substance</head>\n</indexHeading>\n"
            + "<letter>\n<title>A</title>\n<mainTerm>\n<title>Acetone</title>\n"
            + "<cell col=\"2\">T52.4X1</cell>\n</mainTerm>\n</letter>\n</ICD10CM.index>\n";

    assertThatThrownBy(
            () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "bad.xml"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo("bad.xml");
              assertThat(e.line()).isEqualTo(9);
            });
  }

  private static TableRow row(Table table, String... path) {
    return table.rows.stream()
        .filter(r -> r.path().equals(List.of(path)))
        .findFirst()
        .orElseThrow();
  }

  private static int codeCount(Table table) {
    return table.rows.stream().mapToInt(r -> r.codeByColumnHeading().size()).sum();
  }

  private static Table read(InputStream in, String fileName) throws IOException {
    Table table = new Table();
    try (in) {
      new Icd10CmTableReader().read(in, fileName, table);
    }
    return table;
  }

  private static final class Table implements Icd10CmTableReader.Listener {
    final List<String> headings = new ArrayList<>();
    final List<TableRow> rows = new ArrayList<>();

    @Override
    public void columnHeadings(List<String> columnHeadings) {
      headings.addAll(columnHeadings);
    }

    @Override
    public void row(TableRow row) {
      rows.add(row);
    }
  }
}
