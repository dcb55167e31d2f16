package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.importing.Icd10PcsIndexReader.PcsIndexEntry;
import org.openencoder.testing.OfficialFiles;

class Icd10PcsIndexReaderTest {

  private static final String INDEX = "icd10/icd10pcs_index_2025.xml";

  private static List<PcsIndexEntry> entries;

  @BeforeAll
  static void readTheFy2025Index() throws IOException {
    try (InputStream in = OfficialFiles.open(INDEX);
        Icd10PcsIndexReader reader = new Icd10PcsIndexReader(in, INDEX)) {
      assertThat(reader.version()).isEqualTo("2025");
      assertThat(reader.title()).isEqualTo("2025 ICD-10-PCS Index");
      entries = reader.entries().toList();
    }
  }

  @Test
  void emitsOneEntryPerMainTermAndPerTerm() {
    // 27 <letter>s: "3" (for "3f (Aortic) Bioprosthesis valve") and A to Z.
    assertThat(entries.stream().map(PcsIndexEntry::letter).distinct()).hasSize(27);
    // 3,215 <mainTerm> elements (level 0) and 21,269 <term> elements, nested up to level 5.
    assertThat(entries).filteredOn(e -> e.level() == 0).hasSize(3_215);
    assertThat(entries).filteredOn(e -> e.level() > 0).hasSize(21_269);
    assertThat(entries).extracting(PcsIndexEntry::level).containsOnly(0, 1, 2, 3, 4, 5);
    // 5,646 of them are headings that only group sub-terms: they name no target.
    assertThat(entries).filteredOn(Icd10PcsIndexReaderTest::isHeading).hasSize(5_646);
  }

  @Test
  void givesEveryTargetOfTheFileOnce() {
    // 2,794 <code> elements: a full 7-character code.
    assertThat(entries).filteredOn(e -> e.code() != null).hasSize(2_794);
    // 12,152 <codes> elements (4 to 6 leading characters, a table row to finish in the tables)
    // plus 1,415 <tab> elements (a 3-character table), whether alone or inside a see or use.
    assertThat(entries).filteredOn(e -> e.codePrefix() != null).hasSize(12_152 + 1_415);
    assertThat(entries)
        .filteredOn(e -> e.codePrefix() != null && e.codePrefix().length() == 3)
        .hasSize(1_415);
    // 1,785 <see> elements: 1,515 of them carry a codes or tab child.
    assertThat(entries).filteredOn(e -> e.see() != null).hasSize(1_785);
    assertThat(entries).filteredOn(e -> e.see() != null && e.codePrefix() != null).hasSize(1_515);
    // 2,342 <use> elements: 135 of them carry a tab child.
    assertThat(entries).filteredOn(e -> e.use() != null).hasSize(2_342);
    assertThat(entries).filteredOn(e -> e.use() != null && e.codePrefix() != null).hasSize(135);
    // A <code> never shares its entry with another target.
    assertThat(entries)
        .filteredOn(e -> e.code() != null)
        .allMatch(e -> e.codePrefix() == null && e.see() == null && e.use() == null);
  }

  @Test
  void readsAppendectomyAsTwoSeeReferencesWithTheirTableRows() {
    assertThat(entries)
        .filteredOn(e -> e.path().equals(List.of("Appendectomy")))
        .containsExactly(
            new PcsIndexEntry("A", List.of("Appendectomy"), 0, null, null, null, null, 1428),
            new PcsIndexEntry(
                "A", List.of("Appendectomy"), 1, null, "0DBJ", "Excision, Appendix", null, 1430),
            new PcsIndexEntry(
                "A", List.of("Appendectomy"), 1, null, "0DTJ", "Resection, Appendix", null, 1433));
  }

  @Test
  void readsAFullCodeUnderATitledTerm() {
    assertThat(entries)
        .filteredOn(e -> e.path().equals(List.of("Abortion", "Abortifacient")))
        .singleElement()
        .isEqualTo(
            new PcsIndexEntry(
                "A", List.of("Abortion", "Abortifacient"), 1, "10A07ZX", null, null, null, 74));
  }

  @Test
  void readsAUseWithItsTable() {
    assertThat(entries)
        .filteredOn(e -> e.path().equals(List.of("Activa PC neurostimulator")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.use()).isEqualTo("Stimulator Generator, Multiple Array in");
              assertThat(e.codePrefix()).isEqualTo("0JH");
              assertThat(e.see()).isNull();
            });
  }

  @Test
  void followsTheDeepestNestingDownToLevel5() {
    assertThat(entries)
        .filteredOn(e -> e.line() == 31741)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path())
                  .containsExactly(
                      "Fluoroscopy",
                      "Artery",
                      "Coronary",
                      "Bypass Graft",
                      "Multiple",
                      "Laser, Intraoperative");
              assertThat(e.level()).isEqualTo(5);
              assertThat(e.codePrefix()).isEqualTo("B213");
            });
  }

  @Test
  void emitsEachEntryBeforeItsSubTerms() {
    for (int i = 1; i < entries.size(); i++) {
      PcsIndexEntry previous = entries.get(i - 1);
      PcsIndexEntry entry = entries.get(i);
      assertThat(entry.line()).isGreaterThan(previous.line());
      assertThat(entry.level()).isLessThanOrEqualTo(previous.level() + 1);
    }
  }

  @Test
  void rejectsATermWhoseLevelDoesNotMatchItsNesting() {
    String xml =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <ICD10PCS.index>
          <version>2025</version>
          <title>2025 ICD-10-PCS Index</title>
          <letter>
            <title>A</title>
            <mainTerm>
              <title>Abortion</title>
              <term level="2">
                <title>Abortifacient</title>
                <code>10A07ZX</code>
              </term>
            </mainTerm>
          </letter>
        </ICD10PCS.index>
        """;

    assertThatThrownBy(() -> readAll(xml))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(9))
        .hasMessageContaining("level=\"2\"");
  }

  @Test
  void reportsTheLineWhereATruncatedFileEnds() throws IOException {
    byte[] head;
    try (InputStream in = OfficialFiles.open(INDEX)) {
      head = in.readNBytes(4_000);
    }
    String cut = new String(head, StandardCharsets.US_ASCII);
    assertThat(cut).endsWith("<title>Acetabulofemoral joint</title>\r");

    // The index has CRLF line ends and the cut falls between the CR and the LF of line 142. XML
    // reads a lone CR as a line end (XML 1.0, 2.11), so the parser stops on line 143.
    assertThatThrownBy(() -> readAll(cut))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(143));
  }

  private static boolean isHeading(PcsIndexEntry e) {
    return e.code() == null && e.codePrefix() == null && e.see() == null && e.use() == null;
  }

  private static List<PcsIndexEntry> readAll(String xml) {
    try (Icd10PcsIndexReader reader =
        new Icd10PcsIndexReader(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "snippet.xml")) {
      return reader.entries().toList();
    }
  }
}
