package org.openencoder.ncci.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

/** The derived PTP TSVs of cms/ncci-ptp/derived: no Effective Date column. */
class PtpDerivedTableReaderTest {

  private static final String V301 =
      "cms/ncci-ptp/derived/ptp_practitioner_v30.1_2024q2_no-effective-date.tsv.gz";

  private static List<PtpRow> first(String file, int count) throws IOException {
    try (InputStream in = OfficialFiles.open(file);
        Stream<PtpRow> rows = PtpDerivedTableReader.read(in, file)) {
      return rows.limit(count).toList();
    }
  }

  @Test
  void readsTheV301TableInItsCmsOrderWithoutStartDates() throws IOException {
    List<PtpRow> rows = first(V301, 3);

    // The manifest: "The first row is 0001A/0591T".
    PtpRow first = rows.get(0);
    assertThat(first.column1()).isEqualTo("0001A");
    assertThat(first.column2()).isEqualTo("0591T");
    assertThat(first.effective()).isNull();
    assertThat(first.deleted()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(first.modifier()).isEqualTo(1);
    assertThat(first.before1996()).isFalse();
    assertThat(first.line()).isEqualTo(2);
    assertThat(rows.get(1).column2()).isEqualTo("0592T");
  }

  @Test
  void theV302TablesLackThePriorTo1996Column() throws IOException {
    PtpRow first =
        first("cms/ncci-ptp/derived/ptp_hospital_v30.2_2024q3_no-effective-date.tsv.gz", 1).get(0);

    assertThat(first.before1996()).isNull();
    assertThat(first.rationale()).isEqualTo("CPT Manual or CMS manual coding instruction");
  }

  @Test
  void anUnknownHeaderIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(
          "column_1\tcolumn_2\teffective_date\tdeletion_date\tmodifier_indicator\tptp_edit_rationale\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(
            () -> PtpDerivedTableReader.read(new ByteArrayInputStream(bytes.toByteArray()), "x"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("the header is not");
  }
}
