package org.openencoder.ncci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.openencoder.codeset.importing.ReleaseImports;
import org.openencoder.codeset.importing.ReleaseImports.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end on the official layout: a mirror holding only the four 2026 Q4 practitioner zips, laid
 * out like the CMS downloads and built from the fixture parts, imports as a release and answers
 * lookups; the hospital parts, absent, are reported missing with what to do. Its own application,
 * since the mirror differs from the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PtpOfficialLayoutImportTest {

  private static final Path HOME = temporary("openencoder-ptp-home");
  private static final Path MIRROR = mirror();
  private static final LocalDate IN_Q4_2026 = LocalDate.of(2026, 10, 15);

  @Autowired CodeSets codeSets;
  @Autowired NcciTables tables;
  @Autowired ReleaseImports imports;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openencoder.home", HOME::toString);
    registry.add("openencoder.mirror", MIRROR::toString);
  }

  @BeforeEach
  void awaitImport() throws InterruptedException {
    assertThat(codeSets.awaitReady(5, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void theFourOfficialPartsImportAsTheRelease2026Q4() {
    Release release =
        codeSets.activeReleases(NcciTables.PTP_PRACTITIONER_DATASET).stream()
            .filter(r -> r.version().equals("2026Q4"))
            .findFirst()
            .orElseThrow();

    assertThat(release.count("rows")).isEqualTo(13);
    assertThat(release.count("activeRows")).isEqualTo(8);
    assertThat(release.count("rowsWithoutEffectiveDate")).isZero();
    assertThat(release.count("rowsInExistencePrior1996")).isEqualTo(1);
    assertThat(release.files())
        .extracting(Release.SourceFileRecord::member)
        .containsExactly(
            "ccipra-v323r0-f1.TXT",
            "ccipra-v323r0-f2.txt",
            "ccipra-v323r0-f3.TXT",
            "ccipra-v323r0-f4.TXT");
    assertThat(release.missing()).isEmpty();
  }

  @Test
  void theImportedTableAnswersWithTheEditInForceOnTheDate() {
    PtpTable table = tables.ptpTable(Setting.PRACTITIONER, IN_Q4_2026).orElseThrow();
    assertThat(table.effectiveDatesKnown()).isTrue();

    PtpEdit knee = table.edit("29881", "29877", IN_Q4_2026).orElseThrow();
    assertThat(knee.modifierIndicator()).isEqualTo(PtpModifierIndicator.NOT_ALLOWED);
    assertThat(knee.effective()).isEqualTo(LocalDate.of(2002, 4, 1));
    assertThat(knee.file()).isEqualTo("ccipra-v323r0-f1.TXT in " + zip(1).getFileName());
    assertThat(knee.line()).isEqualTo(12);

    // Two periods of one pair: the row of the date answers.
    assertThat(table.edit("11042", "97597", IN_Q4_2026).orElseThrow().modifierIndicator())
        .isEqualTo(PtpModifierIndicator.ALLOWED);
    assertThat(table.edit("11042", "97597", LocalDate.of(2010, 6, 1)).orElseThrow().deleted())
        .isEqualTo(LocalDate.of(2012, 12, 31));

    // Not yet effective on 15 October, in force from 1 November.
    assertThat(table.edit("64483", "64493", IN_Q4_2026)).isEmpty();
    assertThat(table.edit("64483", "64493", LocalDate.of(2026, 11, 1))).isPresent();
    // Deleted on 15 October: in force that day, not the next.
    assertThat(table.edit("J1100", "96372", IN_Q4_2026)).isPresent();
    assertThat(table.edit("J1100", "96372", LocalDate.of(2026, 10, 16))).isEmpty();

    assertThat(table.editsAmong(List.of("93010", "29877", "29881", "93000"), IN_Q4_2026))
        .extracting(PtpEdit::pair)
        .containsExactlyInAnyOrder("29881/29877", "29881/93000", "93000/93010");
  }

  @Test
  void theMissingHospitalPartsAreReportedWithWhereToPutThem() {
    Outcome hospital =
        imports.importAll().stream()
            .filter(o -> o.definition().dataset().equals(NcciTables.PTP_HOSPITAL_DATASET))
            .filter(o -> o.definition().version().equals("2026Q4"))
            .findFirst()
            .orElseThrow();

    assertThat(hospital.kind()).isEqualTo(Outcome.Kind.UNAVAILABLE);
    assertThat(hospital.summary())
        .contains("its f1 file is missing")
        .contains("cms/ncci-ptp/medicare-ncci-2026q4-hospital-ptp-edits-ccioph-v323r0-f1.zip")
        .contains("https://www.cms.gov/files/zip/");
    assertThat(tables.ptpTable(Setting.OUTPATIENT_HOSPITAL, IN_Q4_2026)).isEmpty();
  }

  private static Path zip(int part) {
    return MIRROR.resolve(
        "cms/ncci-ptp/medicare-ncci-2026q4-practitioner-ptp-edits-ccipra-v323r0-f" + part + ".zip");
  }

  /** The four fixture parts, each zipped alone under its official zip name, as CMS ships them. */
  private static Path mirror() {
    Path root = temporary("openencoder-ptp-mirror");
    try {
      Files.createDirectories(root.resolve("cms/ncci-ptp"));
      for (int part = 1; part <= 4; part++) {
        String member = "ccipra-v323r0-f" + part + (part == 2 ? ".txt" : ".TXT");
        Path zip =
            root.resolve(
                "cms/ncci-ptp/medicare-ncci-2026q4-practitioner-ptp-edits-ccipra-v323r0-f"
                    + part
                    + ".zip");
        try (OutputStream out = Files.newOutputStream(zip);
            ZipOutputStream zipped = new ZipOutputStream(out);
            InputStream in =
                PtpOfficialLayoutImportTest.class.getResourceAsStream("/ncci/ptp/" + member)) {
          zipped.putNextEntry(new ZipEntry(member));
          in.transferTo(zipped);
          zipped.closeEntry();
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporary(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
