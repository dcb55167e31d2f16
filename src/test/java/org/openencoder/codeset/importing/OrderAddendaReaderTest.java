package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.importing.OrderAddendaReader.AddendaEntry;
import org.openencoder.testing.OfficialFiles;

/** The FY2026 order-file addenda against the summary counts printed at their end. */
class OrderAddendaReaderTest {

  private static List<AddendaEntry> read(String zip, String member) throws Exception {
    List<AddendaEntry> entries = new ArrayList<>();
    try (InputStream in = OfficialFiles.openMember(zip, member)) {
      new OrderAddendaReader().read(in, member, entries::add);
    }
    return entries;
  }

  private static Map<String, Long> byAction(List<AddendaEntry> entries) {
    return entries.stream()
        .collect(Collectors.groupingBy(AddendaEntry::action, Collectors.counting()));
  }

  @Test
  void icd10cmFy2026AddendaMatchTheirOwnSummary() throws Exception {
    List<AddendaEntry> entries =
        read("icd10/icd10cm-Code Descriptions-2026.zip", "icd10cm-order-addenda-2026.txt");

    // The file's summary: 487 + 143 additions, 28 deletions, 38 + 7 revisions (codes + headers).
    assertThat(byAction(entries))
        .containsEntry("Add", 630L)
        .containsEntry("Delete", 28L)
        .containsEntry("Revise from", 45L)
        .containsEntry("Revise to", 45L);
    assertThat(entries.get(0))
        .isEqualTo(
            new AddendaEntry("Delete", "B880", true, "Other acariasis", "Other acariasis", 1));
    Map<String, AddendaEntry> added =
        entries.stream()
            .filter(e -> e.action().equals("Add"))
            .collect(Collectors.toMap(AddendaEntry::code, Function.identity()));
    assertThat(added.get("B8801").longTitle()).isEqualTo("Infestation by Demodex mites");
    assertThat(added.get("B880").billable()).isFalse();
  }

  @Test
  void icd10pcsAddendaHaveNoValidFlag() throws Exception {
    List<AddendaEntry> entries =
        read(
            "icd10/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
            "order_addenda_2026.txt");

    assertThat(byAction(entries))
        .containsEntry("Add", 160L)
        .containsEntry("Delete", 27L)
        .containsEntry("Revise from", 1L);
    assertThat(entries.get(0).code()).isEqualTo("00H033J");
    assertThat(entries.get(0).billable()).isNull();
    assertThat(entries.get(0).longTitle())
        .isEqualTo("Insertion of Infusion Device into Brain, Temporary, Percutaneous Approach");
  }

  @Test
  void anUnknownActionNamesFileAndLine() {
    byte[] bad =
        ("Delete:      1 B880    Other acariasis"
                + " ".repeat(46)
                + "Other acariasis\r\n"
                + "Moved:       1 B881    Something\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () -> new OrderAddendaReader().read(new ByteArrayInputStream(bad), "x.txt", e -> {}))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("x.txt, line 2");
  }
}
