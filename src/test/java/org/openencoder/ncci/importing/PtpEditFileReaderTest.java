package org.openencoder.ncci.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;

/** The CMS text layout of a PTP part, on the fixture in src/test/resources/ncci/ptp. */
class PtpEditFileReaderTest {

  private static final String HEADER =
      "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n"
          + "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
          + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
          + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n"
          + "\t\t\t\t*=no data\t1=allowed\t\r\n"
          + "\t\t\t\t\t9=not applicable\t\r\n";

  private static List<PtpRow> fixture(String name) throws IOException {
    try (InputStream in = PtpEditFileReaderTest.class.getResourceAsStream("/ncci/ptp/" + name);
        Stream<PtpRow> rows = PtpEditFileReader.read(in, name)) {
      return rows.toList();
    }
  }

  private static List<PtpRow> read(String text) {
    byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
    try (Stream<PtpRow> rows = PtpEditFileReader.read(new ByteArrayInputStream(bytes), "x.TXT")) {
      return rows.toList();
    }
  }

  @Test
  void skipsTheSixHeaderLinesAndReadsEveryRowWithItsLine() throws IOException {
    List<PtpRow> rows = fixture("practitioner-fixture-part1.txt");

    assertThat(rows).hasSize(7);
    PtpRow first = rows.get(0);
    assertThat(first.column1()).isEqualTo("0002A");
    assertThat(first.column2()).isEqualTo("0592T");
    assertThat(first.before1996()).isFalse();
    assertThat(first.effective()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(first.deleted()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(first.modifier()).isEqualTo(1);
    assertThat(first.rationale()).isEqualTo("CPT Manual or CMS manual coding instruction");
    // Line 7: the six header lines come first.
    assertThat(first.line()).isEqualTo(7);
    assertThat(rows.get(1).deleted()).as("* is no deletion").isNull();
    assertThat(rows.get(4).modifier()).isEqualTo(9);
  }

  @Test
  void readsThePriorTo1996Flag() throws IOException {
    PtpRow colonoscopy = fixture("practitioner-fixture-part2.txt").get(0);

    assertThat(colonoscopy.column1()).isEqualTo("45385");
    assertThat(colonoscopy.before1996()).isTrue();
  }

  @Test
  void aFileWithoutTheColumnHeaderIsRefused() {
    assertThatThrownBy(() -> read("0002A\t0592T\t\t20220101\t*\t1\tx\r\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("'Column 1' header");
  }

  @Test
  void aBadRowNamesItsLine() {
    assertThatThrownBy(() -> read(HEADER + "0002A\t0592T\t\t20220101\t*\t2\tx\r\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("line 7")
        .hasMessageContaining("modifier indicator '2'");
    assertThatThrownBy(() -> read(HEADER + "0002A\t0592T\t\t20221301\t*\t1\tx\r\n"))
        .hasMessageContaining("not a calendar date");
    assertThatThrownBy(() -> read(HEADER + "0002A\t0592T\t20220101\t*\t1\tx\r\n"))
        .hasMessageContaining("fields");
    assertThatThrownBy(() -> read(HEADER + "001A\t0591T\t\t20220101\t*\t1\tx\r\n"))
        .hasMessageContaining("not a 5-character");
  }

  @Test
  void aPartWithOnlyItsHeaderHasNoRows() {
    assertThat(read(HEADER)).isEmpty();
  }
}
