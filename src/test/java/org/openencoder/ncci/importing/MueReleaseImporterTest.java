package org.openencoder.ncci.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.SourceFile;
import org.openencoder.ncci.Setting;

/** The MUE importer on synthetic tables: what it stores, and the files it refuses. */
class MueReleaseImporterTest {

  private static final String HEADER =
      "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,"
          + "MUE Rationale\n";

  @TempDir Path dir;

  private final MueReleaseImporter importer = new MueReleaseImporter();
  private final RecordingWriter writer = new RecordingWriter();

  private void importPractitionerTable(String rows) throws IOException {
    Path csv = dir.resolve("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv");
    Files.writeString(csv, HEADER + rows, StandardCharsets.US_ASCII);
    ReleaseDefinition definition = NcciReleases.mue().get(0);
    SourceFile source = definition.file("practitioner").orElseThrow();
    importer.importRelease(
        definition,
        Map.of("practitioner", new LocatedFile(source, csv, null, "synthetic", Files.size(csv))),
        writer);
  }

  @Test
  void storesOneDocumentPerCodeAndCountsTheCodesOfEachSetting() throws IOException {
    importPractitionerTable(
        "99213,2,3 Date of Service Edit: Clinical,Clinical: Data\n"
            + "99291,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n");

    assertThat(writer.documents)
        .containsOnlyKeys("mue-practitioner/99213", "mue-practitioner/99291")
        .containsEntry(
            "mue-practitioner/99213",
            Map.of("value", 2, "indicator", 3, "rationale", "Clinical: Data", "line", 3L));
    // Only the practitioner file was given: the other settings are not counted at all.
    assertThat(writer.counts).containsExactly(Map.entry("practitionerCodes", 2L));
  }

  @Test
  void aCodeListedTwiceFailsTheImportAtItsSecondLine() {
    assertThatThrownBy(
            () ->
                importPractitionerTable(
                    "99213,2,3 Date of Service Edit: Clinical,Clinical: Data\n"
                        + "99213,4,3 Date of Service Edit: Clinical,Clinical: Data\n"))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.getMessage()).contains("99213");
            });
  }

  @Test
  void anIndicatorWhoseWordsDisagreeWithItsDigitFailsTheImport() {
    assertThatThrownBy(
            () -> importPractitionerTable("99213,2,1 Date of Service Edit: Clinical,Clinical\n"))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.getMessage()).contains("line edit"));
  }

  @Test
  void countNamesFollowTheSettings() {
    assertThat(MueReleaseImporter.countName(Setting.OUTPATIENT_HOSPITAL))
        .isEqualTo("outpatientHospitalCodes");
  }

  /** Keeps what an importer writes, keyed "kind/key". */
  private static final class RecordingWriter implements ReleaseWriter {
    final Map<String, Object> documents = new LinkedHashMap<>();
    final Map<String, Long> counts = new LinkedHashMap<>();
    final List<String> progress = new ArrayList<>();

    @Override
    public long releaseId() {
      return 1;
    }

    @Override
    public void code(CodeRow row) {
      throw new AssertionError("MUE tables list no codes of their own");
    }

    @Override
    public void indexEntry(String source, List<String> path, String code, Object detail) {
      throw new AssertionError("MUE tables have no index");
    }

    @Override
    public void document(String kind, String key, Object doc) {
      documents.put(kind + "/" + key, doc);
    }

    @Override
    public void count(String name, long value) {
      counts.put(name, value);
    }

    @Override
    public void progress(String message) {
      progress.add(message);
    }
  }
}
