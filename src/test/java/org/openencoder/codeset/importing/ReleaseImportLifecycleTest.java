package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.Release;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.SourceFile;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.openencoder.testing.OfficialFiles;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** Importing again changes nothing; a damaged file fails its import and the release stays. */
class ReleaseImportLifecycleTest extends RunningApplication {

  @Autowired ReleaseImports imports;
  @Autowired JdbcReleaseStore store;
  @Autowired Icd10CmReleaseImporter icd10cm;

  @Test
  void importingTheSameFilesAgainChangesNothing() {
    List<Long> before = store.active().stream().map(Release::id).sorted().toList();

    List<ReleaseImports.Outcome> outcomes = imports.importAll();

    assertThat(outcomes)
        .extracting(ReleaseImports.Outcome::kind)
        .doesNotContain(ReleaseImports.Outcome.Kind.IMPORTED, ReleaseImports.Outcome.Kind.FAILED);
    assertThat(store.active().stream().map(Release::id).sorted().toList()).isEqualTo(before);
  }

  @Test
  void aTruncatedOrderFileFailsNamingFileAndLineAndTheReleaseInForceStays(@TempDir Path dir)
      throws IOException {
    Release inForce = store.findActive(Datasets.ICD10CM, "FY2026").orElseThrow();
    Path damaged = dir.resolve("icd10cm-order-2026.txt");
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                OfficialFiles.openMember(
                    "icd10/icd10cm-Code Descriptions-2026.zip", "icd10cm-order-2026.txt"),
                StandardCharsets.US_ASCII))) {
      for (int i = 0; i < 1_000; i++) {
        lines.add(in.readLine());
      }
    }
    lines.add("01001 E11"); // a record cut short, as a truncated download leaves it
    Files.write(damaged, lines, StandardCharsets.US_ASCII);
    ReleaseDefinition definition =
        new ReleaseDefinition(
            Datasets.ICD10CM,
            "FY2026",
            "ICD-10-CM FY2026",
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2026, 9, 30),
            List.of(
                new SourceFile(
                    "order",
                    // An absolute location: the locator resolves it as it stands.
                    List.of(SourceFile.Location.file(damaged.toString(), null)),
                    "https://example.invalid/",
                    false,
                    true,
                    "damaged copy")));

    ReleaseImports.Outcome outcome = imports.importOne(icd10cm, definition, line -> {});

    assertThat(outcome.kind()).isEqualTo(ReleaseImports.Outcome.Kind.FAILED);
    assertThat(outcome.summary()).contains("icd10cm-order-2026.txt", "line 1001");
    assertThat(store.findActive(Datasets.ICD10CM, "FY2026").orElseThrow().id())
        .isEqualTo(inForce.id());
    assertThat(store.all())
        .anySatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(Release.State.FAILED);
              assertThat(r.failure()).contains("line 1001");
            });
    assertThat(codeSets.lookup(CodeSystem.ICD10CM, "E11.9", LocalDate.of(2026, 1, 1)).found())
        .isTrue();
  }
}
