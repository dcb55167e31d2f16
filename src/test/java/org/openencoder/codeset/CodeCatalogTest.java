package org.openencoder.codeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hierarchy and "did you mean" over a release's codes. */
class CodeCatalogTest {

  private static final String[][] CODES = {
    {"E11", null}, {"E110", "E11"}, {"E1100", "E110"}, {"E1101", "E110"}, {"E119", "E11"},
    {"E13", null}, {"E139", "E13"}, {"S52", null}, {"S525", "S52"}, {"S5252", "S525"},
    {"S52521", "S5252"}, {"S52521A", "S52521"}, {"S52521D", "S52521"}
  };

  private static CodeCatalog catalog() {
    List<CodeEntry> entries = new ArrayList<>();
    int ordinal = 0;
    for (String[] code : CODES) {
      boolean billable = !code[0].equals("E11") && !code[0].equals("E110");
      entries.add(
          new CodeEntry(
              code[0],
              billable ? CodeEntry.Kind.CODE : CodeEntry.Kind.HEADER,
              billable,
              "title " + code[0],
              null,
              code[1],
              ++ordinal));
    }
    Release release =
        new Release(
            1,
            Datasets.ICD10CM,
            "T",
            "test",
            LocalDate.of(2025, 10, 1),
            null,
            Release.State.ACTIVE,
            "f",
            Map.of(),
            List.of(),
            List.of(),
            null,
            null,
            null,
            null);
    return new CodeCatalog(release, entries);
  }

  @Test
  void nearestCodesStartWithTheLongestSharedPrefixThenWiden() {
    assertThat(catalog().nearest("E1199", 6))
        .extracting(CodeEntry::code)
        .startsWith("E119")
        .contains("E11", "E110");
    assertThat(catalog().nearest("S52521X", 4))
        .extracting(CodeEntry::code)
        .containsExactly("S52521", "S52521A", "S52521D");
  }

  @Test
  void ancestorsRunFromTheTopDownAndChildrenKeepFileOrder() {
    assertThat(catalog().ancestors("S52521A"))
        .extracting(CodeEntry::code)
        .containsExactly("S52", "S525", "S5252", "S52521");
    assertThat(catalog().children("S52521"))
        .extracting(CodeEntry::code)
        .containsExactly("S52521A", "S52521D");
    assertThat(catalog().roots()).extracting(CodeEntry::code).containsExactly("E11", "E13", "S52");
  }
}
