package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class Icd10CmIndexReaderTest {

  private static final String FIXTURE = "/codeset/icd10cm-index/icd10cm_index_fixture.xml";
  private static final String EINDEX = "icd10/icd-10-cm-eindex-2025.xml";

  @Test
  void fixtureGivesOneEntryPerTermThatLeadsSomewhere() throws IOException {
    List<IndexEntry> entries;
    try (InputStream in = Icd10CmIndexReaderTest.class.getResourceAsStream(FIXTURE)) {
      entries = read(in, "icd10cm_index_fixture.xml");
    }

    assertThat(entries)
        .extracting(e -> String.join(" / ", e.path()))
        .containsExactly(
            "Aarskog's syndrome",
            "Abandonment",
            "Abdomen, abdominal",
            "Abdomen, abdominal / acute",
            "Amyloidosis (generalized) (primary)",
            "Amyloidosis (generalized) (primary) / with lung involvement",
            "Diabetes, diabetic (mellitus) (sugar)",
            "Diabetes, diabetic (mellitus) (sugar) / with / autonomic (poly)neuropathy",
            "Diabetes, diabetic (mellitus) (sugar) / type 1",
            "Diabetes, diabetic (mellitus) (sugar) / type 1 / with / hypoglycemia",
            "Diabetes, diabetic (mellitus) (sugar) / type 1 / with / hypoglycemia / with coma",
            "Fracture, traumatic (abrasion) (avulsion)",
            "Fracture, traumatic (abrasion) (avulsion) / radius",
            "Fracture, traumatic (abrasion) (avulsion) / radius / torus",
            "Lightning (shock) (stroke) (struck by)",
            "Strangulation (accidental)");
    assertThat(entries.get(0))
        .isEqualTo(
            new IndexEntry(
                "A", List.of("Aarskog's syndrome"), "Q87.19", null, null, null, null, null, 7));
    assertThat(entries.get(1).see()).isEqualTo("Maltreatment");
    assertThat(entries.get(1).code()).isNull();
    assertThat(entries.get(2).seeAlso()).isEqualTo("condition");
    assertThat(entries.get(2).code()).isNull();
    assertThat(entries.get(5).code()).isEqualTo("E85.4");
    assertThat(entries.get(5).manifestationCode()).isEqualTo("J99");
    assertThat(entries.get(6).letter()).isEqualTo("D");
    assertThat(entries.get(6).code()).isEqualTo("E11.9");
    assertThat(entries.get(10).code()).isEqualTo("E10.641");
    assertThat(entries.get(13).code()).isEqualTo("S52.52-");
    assertThat(entries.get(14).seeSubcategory()).isEqualTo("T75.0");
    assertThat(entries.get(15).seeCategory()).isEqualTo("T71");
  }

  @Test
  void externalCauseIndexGivesAnEntryForEachCodeAndCrossReference() throws IOException {
    List<IndexEntry> entries;
    try (InputStream in = OfficialFiles.open(EINDEX)) {
      entries = read(in, "icd-10-cm-eindex-2025.xml");
    }

    // MANIFEST.md counts 6,650 <code>, 790 <see> and 98 <seeAlso>; no term has two codes, and
    // <seecat> (3) and <subcat> (11) lead to the Tabular List.
    assertThat(entries).filteredOn(e -> e.code() != null).hasSize(6_650);
    assertThat(entries).filteredOn(e -> e.see() != null).hasSize(790);
    assertThat(entries).filteredOn(e -> e.seeAlso() != null).hasSize(98);
    assertThat(entries).filteredOn(e -> e.seeCategory() != null).hasSize(3);
    assertThat(entries).filteredOn(e -> e.seeSubcategory() != null).hasSize(11);
    assertThat(entries).hasSize(7_492);
    assertThat(entries).allSatisfy(e -> assertThat(e.manifestationCode()).isNull());

    assertThat(entries.get(0))
        .isEqualTo(
            new IndexEntry(
                "A",
                List.of(
                    "Abandonment (causing exposure to weather conditions) (with intent to injure"
                        + " or kill) NEC"),
                "X58",
                null,
                null,
                null,
                null,
                null,
                7));
    assertThat(entries)
        .filteredOn(
            e ->
                e.path()
                    .equals(
                        List.of("Accident (to)", "boat, boating", "striking swimmer", "powered")))
        .singleElement()
        .extracting(IndexEntry::code)
        .isEqualTo("V94.11");
    assertThat(entries).anySatisfy(e -> assertThat(e.path()).hasSize(9));
  }

  @Test
  void aTermWithoutTitleIsReportedWithItsLine() {
    String xml =
        "<ICD10CM.index>\n<letter>\n<title>A</title>\n<mainTerm>\n<code>A00</code>\n</mainTerm>\n"
            + "</letter>\n</ICD10CM.index>\n";

    assertThatThrownBy(
            () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "bad.xml"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo("bad.xml");
              assertThat(e.line()).isEqualTo(5);
            });
  }

  private static List<IndexEntry> read(InputStream in, String fileName) throws IOException {
    List<IndexEntry> entries = new ArrayList<>();
    new Icd10CmIndexReader().read(in, fileName, entries::add);
    return entries;
  }
}
