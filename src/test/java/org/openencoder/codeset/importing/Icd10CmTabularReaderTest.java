package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class Icd10CmTabularReaderTest {

  private static final String ZIP = "icd10/fy2021/icd10cm-fy2021-tabular-and-order.zip";
  private static final String TABULAR = "icd10cm_tabular_2021.xml";

  private static final List<String> versions = new ArrayList<>();
  private static final List<TabularChapter> chapters = new ArrayList<>();
  private static final List<TabularSection> sections = new ArrayList<>();
  private static final Map<String, TabularDiag> diags = new HashMap<>();
  private static final List<String> parentsSeenLate = new ArrayList<>();
  private static int diagCount;

  @BeforeAll
  static void readFy2021Tabular() throws IOException {
    try (InputStream in = OfficialFiles.openMember(ZIP, TABULAR)) {
      new Icd10CmTabularReader()
          .read(
              in,
              TABULAR,
              new Icd10CmTabularReader.Listener() {
                @Override
                public void version(String version) {
                  versions.add(version);
                }

                @Override
                public void chapter(TabularChapter chapter) {
                  chapters.add(chapter);
                }

                @Override
                public void section(TabularSection section) {
                  sections.add(section);
                }

                @Override
                public void diag(TabularDiag diag) {
                  diagCount++;
                  if (diag.parent() != null && !diags.containsKey(diag.parent())) {
                    parentsSeenLate.add(diag.code());
                  }
                  diags.put(diag.code(), diag);
                }
              });
    }
  }

  @Test
  void readsEveryChapterSectionAndDiagOfFy2021() {
    assertThat(versions).containsExactly("2021");
    assertThat(chapters).hasSize(22);
    assertThat(sections).hasSize(296);
    assertThat(diagCount).isEqualTo(45_017);
    assertThat(diags).hasSize(45_017);
    assertThat(parentsSeenLate).as("parents come before their subcodes").isEmpty();
  }

  @Test
  void keeps2625Excludes1ElementsHolding5441Notes() {
    // grep -c '<excludes1>' counts 2,625 elements (4 on chapters, 67 on sections, 2,554 on
    // codes); no owner has two, so the owners with Excludes1 notes number the same. The
    // elements hold 5,441 <note>s.
    List<TabularNotes> owners = new ArrayList<>();
    chapters.forEach(c -> owners.add(c.notes()));
    sections.forEach(s -> owners.add(s.notes()));
    diags.values().forEach(d -> owners.add(d.notes()));

    assertThat(owners).filteredOn(n -> !n.excludes1().isEmpty()).hasSize(2_625);
    assertThat(owners.stream().mapToInt(n -> n.excludes1().size()).sum()).isEqualTo(5_441);
  }

  @Test
  void chaptersAndSectionsCarryTheirOwnNotes() {
    TabularChapter first = chapters.get(0);
    assertThat(first.name()).isEqualTo("1");
    assertThat(first.desc()).isEqualTo("Certain infectious and parasitic diseases (A00-B99)");
    assertThat(first.notes().includes()).isNotEmpty();
    assertThat(first.notes().excludes1()).isNotEmpty();
    assertThat(first.notes().excludes2()).isNotEmpty();

    TabularSection t07 =
        sections.stream().filter(s -> s.id().equals("T07")).findFirst().orElseThrow();
    assertThat(t07.first()).isEqualTo("T07");
    assertThat(t07.last()).isEqualTo("T07");
    assertThat(t07.chapter()).isEqualTo("19");
    assertThat(t07.notes().excludes1()).startsWith("burns and corrosions (T20-T32)");

    TabularSection headingOnly =
        sections.stream().filter(s -> s.id().equals("C00-C96")).findFirst().orElseThrow();
    assertThat(headingOnly.first()).isEqualTo("C00");
    assertThat(headingOnly.last()).isEqualTo("C96");
  }

  @Test
  void keepsEveryKindOfInstructionalNote() {
    assertThat(diags.get("A00.0").notes().inclusionTerm()).containsExactly("Classical cholera");
    assertThat(diags.get("E11").notes().useAdditionalCode())
        .containsExactly(
            "code to identify control using:",
            "insulin (Z79.4)",
            "oral antidiabetic drugs (Z79.84)",
            "oral hypoglycemic drugs (Z79.84)");
    assertThat(diags.get("E11").notes().includes()).contains("diabetes NOS");
    assertThat(diags.get("G63").notes().codeFirst())
        .startsWith("underlying disease, such as:", "amyloidosis (E85.-)");
    assertThat(diags.get("J44").notes().codeAlso())
        .containsExactly("type of asthma, if applicable (J45.-)");
    assertThat(diags.get("S52").notes().notes())
        .contains("A fracture not indicated as open or closed should be coded to closed");
    assertThat(diags.get("S52").notes().excludes2())
        .containsExactly("fracture at wrist and hand level (S62.-)");
  }

  @Test
  void s52DefinesSixteenSeventhCharactersAndKeepsTheNoteBetweenThem() {
    TabularDiag s52 = diags.get("S52");

    assertThat(s52.notes().sevenChrNote())
        .containsExactly(
            "The appropriate 7th character is to be added to all codes from category S52");
    assertThat(s52.notes().sevenChrDef())
        .extracting(SeventhCharacter::character)
        .containsExactly(
            'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S');
    assertThat(s52.notes().sevenChrDef().get(0))
        .isEqualTo(new SeventhCharacter('A', "initial encounter for closed fracture", List.of()));
    // The file's 17th child of <sevenChrDef> is a <note> that widens B.
    assertThat(s52.notes().sevenChrDef().get(1).inclusionTerms())
        .containsExactly("initial encounter for open fracture NOS");
    assertThat(s52.seventhCharactersFrom()).isEqualTo("S52");
  }

  @Test
  void s52521TakesTheSeventhCharactersOfItsNearestDefiningAncestorS5252() {
    TabularDiag code = diags.get("S52.521");

    assertThat(code.parent()).isEqualTo("S52.52");
    assertThat(code.depth()).isEqualTo(4);
    assertThat(code.subcodes()).isFalse();
    assertThat(code.chapter()).isEqualTo("19");
    assertThat(code.section()).isEqualTo("S50-S59");
    assertThat(code.notes().sevenChrDef()).isEmpty();
    assertThat(code.seventhCharactersFrom()).isEqualTo("S52.52");
    assertThat(code.seventhCharacters())
        .extracting(SeventhCharacter::character)
        .containsExactly('A', 'D', 'G', 'K', 'P', 'S');
    assertThat(code.withSeventhCharacter('A')).isEqualTo("S52.521A");
    assertThat(diags.get("S52.011").seventhCharactersFrom()).isEqualTo("S52.01");
    assertThat(diags.get("S52.90").seventhCharactersFrom()).isEqualTo("S52");
  }

  @Test
  void t07IsPaddedWithPlaceholderXBeforeItsSeventhCharacter() {
    TabularDiag t07 = diags.get("T07");

    assertThat(t07.seventhCharactersFrom()).isEqualTo("T07");
    assertThat(t07.withSeventhCharacter('A')).isEqualTo("T07.XXXA");
    assertThat(t07.withSeventhCharacter('S')).isEqualTo("T07.XXXS");
    assertThatThrownBy(() -> t07.withSeventhCharacter('B'))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesWithTheirSeventhCharactersCoverEveryBillableCodeOfTheOrderFile() throws IOException {
    Set<String> derived = new HashSet<>();
    for (TabularDiag diag : diags.values()) {
      if (diag.subcodes()) {
        continue;
      }
      if (diag.seventhCharacters().isEmpty()) {
        derived.add(diag.code().replace(".", ""));
      } else {
        diag.seventhCharacters()
            .forEach(s -> derived.add(diag.withSeventhCharacter(s.character()).replace(".", "")));
      }
    }
    Set<String> billable = new HashSet<>();
    try (InputStream in = OfficialFiles.openMember(ZIP, "icd10cm-order-Jan-2021.txt")) {
      new OrderFileReader()
          .read(
              in,
              "icd10cm-order-Jan-2021.txt",
              e -> {
                if (e.billable()) {
                  billable.add(e.code());
                }
              });
    }

    Set<String> underived = new HashSet<>(billable);
    underived.removeAll(derived);
    assertThat(billable).hasSize(72_621);
    assertThat(underived).isEmpty();
    // The only derived codes the order file lacks follow a note at S06 that the XML gives as
    // text: "7th characters D and S do not apply to codes in category S06 with 6th character 7
    // ... or 8".
    Set<String> extra = new HashSet<>(derived);
    extra.removeAll(billable);
    assertThat(extra).hasSize(72).allMatch(code -> code.matches("S06..[78][DS]"));
  }

  @Test
  void aTruncatedFileFailsWithFileNameAndLine() throws IOException {
    byte[] head;
    try (InputStream in = OfficialFiles.openMember(ZIP, TABULAR)) {
      head = in.readNBytes(300_000);
    }
    long lines = 1;
    for (byte b : head) {
      if (b == '\n') {
        lines++;
      }
    }
    long lastLine = lines;

    assertThatThrownBy(
            () ->
                new Icd10CmTabularReader()
                    .read(new ByteArrayInputStream(head), TABULAR, diag -> {}))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(TABULAR);
              assertThat(e.line()).isEqualTo(lastLine);
            });
  }
}
