package org.openencoder.codeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CsvRecords.CsvRecord;

class CsvRecordsTest {

  private static List<CsvRecord> read(String text) {
    CsvRecords csv = new CsvRecords(new StringReader(text), "x.csv");
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
      records.add(record);
    }
    return records;
  }

  @Test
  void keepsLineBreaksCommasAndDoubledQuotesInsideQuotedFields() {
    List<CsvRecord> records =
        read("\"HCPCS/\r\nCPT Code\",\"a, \"\"b\"\"\"\r\nA4253,1\r\n\"x\ny\nz\",\nlast,");

    assertThat(records)
        .containsExactly(
            new CsvRecord(List.of("HCPCS/\r\nCPT Code", "a, \"b\""), 1),
            new CsvRecord(List.of("A4253", "1"), 3),
            new CsvRecord(List.of("x\ny\nz", ""), 4),
            new CsvRecord(List.of("last", ""), 7));
  }

  @Test
  void skipsAByteOrderMarkAndReadsEmptyLinesAsBlankRecords() {
    List<CsvRecord> records = read("\uFEFFa,b\n\nc\n");

    assertThat(records).hasSize(3);
    assertThat(records.get(0).fields()).containsExactly("a", "b");
    assertThat(records.get(1).isBlank()).isTrue();
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void rejectsAQuotedFieldThatIsNeverClosed() {
    assertThatThrownBy(() -> read("a,b\n\"open\n,c\n"))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> read("\"a\"b,c\n"))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(1));
  }
}
