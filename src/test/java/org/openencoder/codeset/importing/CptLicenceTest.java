package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseWriter.CodeRow;
import org.openencoder.testing.OfficialFiles;

/** CPT descriptors (AMA copyright) are stored only under an accepted licence. */
class CptLicenceTest {

  private static CodeSetProperties properties(boolean licence, Path file) {
    return new CodeSetProperties(true, licence, file, 2026);
  }

  private static RecordingWriter importRvu26c(boolean licence) throws Exception {
    PfsRvuReleaseImporter importer = new PfsRvuReleaseImporter(properties(licence, null));
    ReleaseDefinition rvu26c =
        importer.definitions().stream()
            .filter(d -> d.version().equals("RVU26C"))
            .findFirst()
            .orElseThrow();
    Path path = OfficialFiles.path("cms/pfs/rvu26c/PPRRVU2026_Jul_nonQPP.csv");
    LocatedFile file =
        new LocatedFile(rvu26c.files().get(0), path, null, "not checked here", Files.size(path));
    RecordingWriter writer = new RecordingWriter();
    importer.importRelease(rvu26c, Map.of("pprrvu", file), writer);
    return writer;
  }

  @Test
  void withoutTheLicenceTheRvuFileKeepsCptNumbersButNoCptDescriptor() throws Exception {
    RecordingWriter writer = importRvu26c(false);

    assertThat(writer.codes).extracting(CodeRow::code).contains("99213", "27097", "0001F");
    assertThat(writer.codes).allSatisfy(row -> assertThat(row.title()).isEmpty());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> office =
        (List<Map<String, Object>>) writer.documents.get("rvu").get("99213");
    assertThat(office.get(0)).doesNotContainKey("description").containsEntry("status", "A");
    // HCPCS Level II descriptors are public domain and stay.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> flu =
        (List<Map<String, Object>>) writer.documents.get("rvu").get("G0008");
    assertThat(flu.get(0)).containsKey("description");
    assertThat(writer.counts)
        .containsEntry("records", 19_356L)
        .containsEntry("distinctCodes", 17_096L);
  }

  @Test
  void withTheLicenceTheRvuShortDescriptorsAreKept() throws Exception {
    RecordingWriter writer = importRvu26c(true);

    assertThat(writer.codes)
        .filteredOn(r -> r.code().equals("99213"))
        .singleElement()
        .satisfies(row -> assertThat(row.title()).isNotBlank());
  }

  @Test
  void theAmaDataFileImportsOnlyWhenTheLicenceIsAccepted() throws Exception {
    Path fixture = Path.of(getClass().getResource("/codeset/cpt-licensed/LONGULT.txt").toURI());

    assertThat(new CptDescriptorReleaseImporter(properties(false, fixture)).definitions())
        .isEmpty();
    assertThat(new CptDescriptorReleaseImporter(properties(true, null)).definitions()).isEmpty();

    CptDescriptorReleaseImporter importer =
        new CptDescriptorReleaseImporter(properties(true, fixture));
    ReleaseDefinition definition = importer.definitions().get(0);
    assertThat(definition.effectiveFrom()).hasToString("2026-01-01");
    RecordingWriter writer = new RecordingWriter();
    importer.importRelease(
        definition,
        Map.of(
            "descriptors",
            new LocatedFile(
                definition.files().get(0), fixture, null, "fixture", Files.size(fixture))),
        writer);

    assertThat(writer.documents.get("cpt-descriptor"))
        .containsEntry("99990", Map.of("descriptor", "Synthetic descriptor for testing only 1"));
    assertThat(writer.counts.get("descriptors")).isPositive();
  }
}
