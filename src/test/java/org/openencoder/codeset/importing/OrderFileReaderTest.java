package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class OrderFileReaderTest {

  private static final String CM_2026_ZIP = "icd10/icd10cm-Code Descriptions-2026.zip";
  private static final String CM_2026 = "icd10cm-order-2026.txt";

  @Test
  void fy2026CmOrderFileHas74719BillableCodesAnd23467Headers() throws IOException {
    List<OrderFileEntry> entries = read(CM_2026_ZIP, CM_2026);

    assertThat(entries).hasSize(98_186);
    assertThat(entries).filteredOn(OrderFileEntry::billable).hasSize(74_719);
    assertThat(entries).filteredOn(e -> !e.billable()).hasSize(23_467);
    assertThat(entries.get(0))
        .isEqualTo(new OrderFileEntry(1, "A00", false, "Cholera", "Cholera", 1));
    assertThat(entries)
        .filteredOn(e -> e.code().equals("S52521A"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.billable()).isTrue();
              assertThat(e.shortTitle())
                  .isEqualTo("Torus fracture of lower end of right radius, init");
              assertThat(e.longTitle())
                  .isEqualTo(
                      "Torus fracture of lower end of right radius, initial encounter for closed"
                          + " fracture");
              assertThat(e.order()).isEqualTo(47_838);
              assertThat(e.line()).isEqualTo(47_838);
            });
  }

  @Test
  void fy2021JanuaryCmOrderFileHas72621BillableCodes() throws IOException {
    List<OrderFileEntry> entries =
        read("icd10/fy2021/icd10cm-fy2021-tabular-and-order.zip", "icd10cm-order-Jan-2021.txt");

    assertThat(entries).hasSize(95_358);
    assertThat(entries).filteredOn(OrderFileEntry::billable).hasSize(72_621);
  }

  @Test
  void fy2026PcsOrderFileHasOneHeaderPerTable() throws IOException {
    List<OrderFileEntry> entries =
        read(
            "icd10/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
            "icd10pcs_order_2026.txt");

    assertThat(entries).hasSize(80_029);
    assertThat(entries).filteredOn(OrderFileEntry::billable).hasSize(79_115);
    assertThat(entries)
        .filteredOn(e -> !e.billable())
        .hasSize(914)
        .allSatisfy(e -> assertThat(e.code()).hasSize(3));
    assertThat(entries.get(1).code()).isEqualTo("0016070");
    assertThat(entries.get(1).longTitle())
        .isEqualTo(
            "Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open"
                + " Approach");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00004 A001    1 Cholera due to Vibrio cholerae 01, bio", // truncated
        "0000X A001    1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera",
        "00004 A001    Y Cholera due to Vibrio cholerae 01, biovar eltor              Cholera",
        "00004 A0 01   1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera",
        "00004  A001   1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera",
      })
  void aBrokenLineAfterRealLinesIsReportedWithFileAndLine(String broken) throws IOException {
    StringBuilder file = new StringBuilder();
    try (BufferedReader real =
        new BufferedReader(
            new InputStreamReader(
                OfficialFiles.openMember(CM_2026_ZIP, CM_2026), StandardCharsets.US_ASCII))) {
      for (int i = 0; i < 3; i++) {
        file.append(real.readLine()).append("\r\n");
      }
    }
    file.append(broken).append("\r\n");
    List<OrderFileEntry> entries = new ArrayList<>();

    assertThatThrownBy(
            () ->
                new OrderFileReader()
                    .read(
                        new ByteArrayInputStream(
                            file.toString().getBytes(StandardCharsets.US_ASCII)),
                        CM_2026,
                        entries::add))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(CM_2026);
              assertThat(e.line()).isEqualTo(4);
              assertThat(e).hasMessageStartingWith(CM_2026 + ", line 4: ");
            });
    assertThat(entries).extracting(OrderFileEntry::code).containsExactly("A00", "A000", "A001");
  }

  private static List<OrderFileEntry> read(String zip, String member) throws IOException {
    List<OrderFileEntry> entries = new ArrayList<>();
    try (InputStream in = OfficialFiles.openMember(zip, member)) {
      new OrderFileReader().read(in, member, entries::add);
    }
    return entries;
  }
}
