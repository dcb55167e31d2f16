package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.testing.OfficialFiles;

class RvuFileReaderTest {

  private static final String RVU26C_CSV = "cms/pfs/rvu26c/PPRRVU2026_Jul_nonQPP.csv";
  private static final String RVU26B_TXT = "cms/pfs/rvu26b/PPRRVU2026_Apr_nonQPP.txt";
  private static final String RVU25D_CSV = "cms/pfs/rvu25d/PPRRVU2025_Oct.csv";
  private static final String RVU25D_TXT = "cms/pfs/rvu25d/PPRRVU2025_Oct.txt";

  private static List<RvuRecord> read(
      String file, BiFunction<InputStream, String, Stream<RvuRecord>> reader) throws IOException {
    try (InputStream in = OfficialFiles.open(file);
        Stream<RvuRecord> records = reader.apply(in, file)) {
      return records.toList();
    }
  }

  @Test
  void readsTheJuly2026CsvRelease() throws IOException {
    List<RvuRecord> records = read(RVU26C_CSV, RvuFileReader::readCsv);

    assertThat(records).hasSize(19_356);
    assertThat(records.stream().map(RvuRecord::hcpcs).distinct()).hasSize(17_096);
    assertThat(records).filteredOn(r -> r.statusCode().equals("A")).hasSize(9_408);
    assertThat(records)
        .extracting(RvuRecord::conversionFactor)
        .containsOnly(new BigDecimal("33.4009"));
    assertThat(records).filteredOn(RvuRecord::notUsedForMedicarePayment).hasSize(158);
    assertThat(records).extracting(RvuRecord::pricingIndicator).containsOnly("9");
    // Ten header rows: the first record is on line 11.
    assertThat(records.get(0).line()).isEqualTo(11);
  }

  @Test
  void readsTheRvusOfAnEstablishedPatientVisit99213() throws IOException {
    RvuRecord visit =
        read(RVU26C_CSV, RvuFileReader::readCsv).stream()
            .filter(r -> r.hcpcs().equals("99213") && r.modifier() == null)
            .findFirst()
            .orElseThrow();

    assertThat(visit.statusCode()).isEqualTo("A");
    assertThat(visit.workRvu()).isEqualTo(new BigDecimal("1.30"));
    assertThat(visit.nonFacilityPeRvu()).isEqualTo(new BigDecimal("1.46"));
    assertThat(visit.facilityPeRvu()).isEqualTo(new BigDecimal("0.33"));
    assertThat(visit.mpRvu()).isEqualTo(new BigDecimal("0.09"));
    assertThat(visit.nonFacilityTotal()).isEqualTo(new BigDecimal("2.85"));
    assertThat(visit.facilityTotal()).isEqualTo(new BigDecimal("1.72"));
    assertThat(visit.globalDays()).isEqualTo("XXX");
    assertThat(visit.pctcIndicator()).isEqualTo("0");
    assertThat(visit.nonFacilityNotApplicable()).isFalse();
  }

  @Test
  void readsTheApril2026TextRelease() throws IOException {
    List<RvuRecord> records = read(RVU26B_TXT, RvuFileReader::readText);

    assertThat(records).hasSize(19_277);
    assertThat(records)
        .extracting(RvuRecord::conversionFactor)
        .containsOnly(new BigDecimal("33.4009"));
    // Seven HDR lines come first.
    assertThat(records.get(0).line()).isEqualTo(8);
    RvuRecord visit =
        records.stream().filter(r -> r.hcpcs().equals("99213")).findFirst().orElseThrow();
    assertThat(visit.workRvu()).isEqualTo(new BigDecimal("1.30"));
    assertThat(visit.preOp()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void readsTheSameRecordsFromTheTextAndCsvFormsOfRvu25d() throws IOException {
    List<RvuRecord> csv = read(RVU25D_CSV, RvuFileReader::readCsv);
    List<RvuRecord> text = read(RVU25D_TXT, RvuFileReader::readText);

    assertThat(csv).hasSize(19_090);
    assertThat(csv).extracting(RvuRecord::conversionFactor).containsOnly(new BigDecimal("32.3465"));
    // 2025 files have no pricing indicator column yet.
    assertThat(csv).extracting(RvuRecord::pricingIndicator).containsOnly((String) null);
    assertThat(text).hasSize(csv.size());
    for (int i = 0; i < csv.size(); i++) {
      RvuRecord fromCsv = csv.get(i);
      // The CSV has 10 header rows, the text 7 HDR lines: the same record is 3 lines further.
      assertThat(text.get(i)).isEqualTo(withLine(fromCsv, fromCsv.line() - 3));
    }
  }

  @Test
  void readsGlobalSurgeryShares() throws IOException {
    RvuRecord withPackage =
        read(RVU25D_TXT, RvuFileReader::readText).stream()
            .filter(r -> r.globalDays().equals("090") && r.statusCode().equals("A"))
            .findFirst()
            .orElseThrow();

    assertThat(withPackage.preOp().add(withPackage.intraOp()).add(withPackage.postOp()))
        .isEqualByComparingTo("1.00");
  }

  @Test
  void rejectsATruncatedTextRecordWithItsLineNumber() {
    String record =
        "99990  Synthetic descriptor for testing 1                A   0.00   0.00"
            + "     0.00    0.00   0.00  0.009XXX.00.00.00999999            33.4009 090 99"
            + "      0.00   0.00   0.00";
    String file = "HDR SYNTHETIC\n" + record + "\n" + record.substring(0, 120) + "\n";

    assertThat(record).hasSize(171);
    assertThatThrownBy(
            () ->
                RvuFileReader.readText(
                        new ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)), "x.txt")
                    .toList())
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void rejectsACsvWithoutTheConversionFactorColumn() {
    String file =
        ",,,STATUS,WORK\n"
            + "HCPCS,MOD,DESCRIPTION,CODE,RVU\n"
            + "99990,,Synthetic descriptor for testing 1,A,0.00\n";

    assertThatThrownBy(
            () ->
                RvuFileReader.readCsv(
                    new ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)), "x.csv"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage()).contains("CONVFACTOR");
            });
  }

  private static RvuRecord withLine(RvuRecord r, long line) {
    return new RvuRecord(
        r.hcpcs(),
        r.modifier(),
        r.description(),
        r.statusCode(),
        r.notUsedForMedicarePayment(),
        r.workRvu(),
        r.nonFacilityPeRvu(),
        r.nonFacilityNotApplicable(),
        r.facilityPeRvu(),
        r.facilityNotApplicable(),
        r.mpRvu(),
        r.nonFacilityTotal(),
        r.facilityTotal(),
        r.pctcIndicator(),
        r.globalDays(),
        r.preOp(),
        r.intraOp(),
        r.postOp(),
        r.multipleProcedure(),
        r.bilateralSurgery(),
        r.assistantSurgery(),
        r.coSurgeons(),
        r.teamSurgery(),
        r.pricingIndicator(),
        r.endoscopicBase(),
        r.conversionFactor(),
        r.physicianSupervision(),
        r.calculationFlag(),
        r.diagnosticImagingFamily(),
        r.nonFacilityPeOpps(),
        r.facilityPeOpps(),
        r.mpOpps(),
        line);
  }
}
