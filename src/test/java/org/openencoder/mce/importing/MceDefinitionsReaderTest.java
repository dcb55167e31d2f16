package org.openencoder.mce.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.mce.AgeRange;
import org.openencoder.mce.MceList;
import org.openencoder.mce.importing.MceDefinitions.Entry;
import org.openencoder.testing.OfficialFiles;

/** The v43.1 definitions file, against the list sizes in cms/MANIFEST.md section 4. */
class MceDefinitionsReaderTest {

  private static final String FILE = "cms/mce/Definitions of Medicare Code Edits_v_43_1.txt";

  private static MceDefinitions definitions;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = OfficialFiles.open(FILE)) {
      definitions = MceDefinitionsReader.read(in, FILE);
    }
  }

  private static Set<String> codes(MceList list) {
    return definitions.entries().stream()
        .filter(e -> e.list() == list)
        .map(Entry::code)
        .collect(Collectors.toSet());
  }

  @Test
  void everyListHasTheSizeTheManifestCounted() {
    Map<MceList, Integer> expected =
        Map.ofEntries(
            Map.entry(MceList.NEWBORN_DIAGNOSIS, 42),
            Map.entry(MceList.PEDIATRIC_DIAGNOSIS, 125),
            Map.entry(MceList.MATERNITY_DIAGNOSIS, 2_543),
            Map.entry(MceList.ADULT_DIAGNOSIS, 856),
            Map.entry(MceList.MANIFESTATION_AS_PRINCIPAL, 422),
            Map.entry(MceList.QUESTIONABLE_ADMISSION, 30),
            Map.entry(MceList.QUESTIONABLE_OBSTETRIC_CESAREAN_PROCEDURE, 3),
            Map.entry(MceList.QUESTIONABLE_OBSTETRIC_VAGINAL_DELIVERY_PROCEDURE, 5),
            Map.entry(MceList.OUTCOME_OF_DELIVERY_DIAGNOSIS, 19),
            Map.entry(MceList.UNACCEPTABLE_PRINCIPAL, 2_651),
            Map.entry(MceList.UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY, 1),
            Map.entry(MceList.NON_COVERED_PROCEDURE, 95),
            Map.entry(MceList.NON_COVERED_PANCREAS_TRANSPLANT_DIAGNOSIS, 85),
            Map.entry(MceList.NON_COVERED_WITH_DIAGNOSIS_PROCEDURE, 4),
            Map.entry(MceList.NON_COVERED_WITH_DIAGNOSIS_DIAGNOSIS, 11),
            Map.entry(MceList.NON_COVERED_OVER_AGE_60_PROCEDURE, 2),
            Map.entry(MceList.NON_COVERED_STERILIZATION_PROCEDURE, 87),
            Map.entry(MceList.LIMITED_COVERAGE_PROCEDURE, 49),
            Map.entry(MceList.WRONG_PROCEDURE_PERFORMED, 3),
            Map.entry(MceList.PROCEDURE_INCONSISTENT_WITH_LOS, 1),
            Map.entry(MceList.UNSPECIFIED_CODE, 3_465));
    for (MceList list : MceList.values()) {
      assertThat(codes(list)).as(list.name()).hasSize(expected.get(list));
    }
  }

  @Test
  void readsTheVersionAndItsMonthFromTheTitlePage() {
    assertThat(definitions.version()).isEqualTo("v43.1");
    assertThat(definitions.month()).isEqualTo(YearMonth.of(2026, 4));
  }

  @Test
  void readsTheAgeRangesFromTheText() {
    assertThat(definitions.ages().get(MceList.NEWBORN_DIAGNOSIS).range())
        .isEqualTo(new AgeRange(0, 0));
    assertThat(definitions.ages().get(MceList.PEDIATRIC_DIAGNOSIS).range())
        .isEqualTo(new AgeRange(0, 17));
    assertThat(definitions.ages().get(MceList.MATERNITY_DIAGNOSIS).range())
        .isEqualTo(new AgeRange(9, 64));
    assertThat(definitions.ages().get(MceList.ADULT_DIAGNOSIS).range())
        .isEqualTo(new AgeRange(15, 124));
    for (var stated : definitions.ages().entrySet()) {
      assertThat(stated.getKey().ages()).contains(stated.getValue().range());
    }
  }

  @Test
  void theSexConflictEditIsDeactivatedAsTheFileSays() {
    assertThat(definitions.sexConflictDeactivated()).isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(definitions.sexConflictHeading())
        .isEqualTo("5. Sex conflict (deactivated as of 10/01/2024)");
    assertThat(definitions.sexConflictLine()).isEqualTo(3686);
  }

  @Test
  void placesCodesOnTheirListsWithTheirLines() {
    Entry tetanus = definitions.entries().get(0);
    assertThat(tetanus)
        .isEqualTo(new Entry(MceList.NEWBORN_DIAGNOSIS, "A33", "Tetanus neonatorum", 113));
    assertThat(codes(MceList.UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY)).containsExactly("Z5189");
    assertThat(codes(MceList.UNACCEPTABLE_PRINCIPAL)).doesNotContain("Z5189").contains("B950");
    assertThat(codes(MceList.PROCEDURE_INCONSISTENT_WITH_LOS)).containsExactly("5A1955Z");
    assertThat(codes(MceList.WRONG_PROCEDURE_PERFORMED))
        .containsExactlyInAnyOrder("Y6551", "Y6552", "Y6553");
    // Chapter 2's change lists are not code lists: F0781 was removed from edit 9.
    assertThat(codes(MceList.UNACCEPTABLE_PRINCIPAL)).doesNotContain("F0781");
  }

  @Test
  void aCodeUnderAnEditWithoutAListIsRefused() {
    String text =
        "Definitions of Medicare Code Edits\r\nv43.1 April 2026\r\nChapter 1: Edit code lists\r\n"
            + "Below is a list of edits described in this chapter.\r\n"
            + "1. Invalid diagnosis or procedure code\r\n"
            + "1. Invalid diagnosis or procedure code\r\nA000\tCholera\r\n";
    byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
    assertThatThrownBy(() -> MceDefinitionsReader.read(new ByteArrayInputStream(bytes), "x.txt"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("line 7")
        .hasMessageContaining("belongs to no list");
  }
}
