package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CPT descriptors from the AMA CPT data file a licensee received. Nothing is imported unless the
 * operator both names the file and accepts the CPT licence: the descriptors are AMA copyright and
 * this project ships none of them.
 */
@Component
class CptDescriptorReleaseImporter implements ReleaseImporter {

  private static final Logger log = LoggerFactory.getLogger(CptDescriptorReleaseImporter.class);

  // The AMA does not state an encoding for these files; windows-1252 reads ASCII unchanged and
  // keeps the odd accented letter of older releases.
  private static final Charset AMA_TEXT = Charset.forName("windows-1252");

  private final CodeSetProperties properties;

  CptDescriptorReleaseImporter(CodeSetProperties properties) {
    this.properties = properties;
  }

  @Override
  public String dataset() {
    return Datasets.CPT_DESCRIPTORS;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    if (properties.cptDescriptorFile() == null) {
      return List.of();
    }
    if (!properties.cptLicenceAccepted()) {
      log.warn(
          "Not importing CPT descriptors from {}: set openencoder.codeset.cpt-licence-accepted=true"
              + " only if you hold an AMA CPT licence",
          properties.cptDescriptorFile());
      return List.of();
    }
    int year = properties.cptDescriptorYear();
    return List.of(
        new ReleaseDefinition(
            Datasets.CPT_DESCRIPTORS,
            "CPT" + year,
            "CPT " + year + " descriptors (AMA data file, licensed)",
            LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31),
            List.of(
                new SourceFile(
                    "descriptors",
                    List.of(
                        SourceFile.Location.file(
                            properties.cptDescriptorFile().toAbsolutePath().toString(), null)),
                    "https://www.ama-assn.org/practice-management/cpt/cpt-data-files",
                    false,
                    true,
                    "AMA CPT data file, long descriptors (LONGULT.TXT layout)"))));
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    LocatedFile file = files.get("descriptors");
    long count = 0;
    try (InputStream in = file.open();
        Stream<CptDescriptor> descriptors =
            CptLicensedDescriptorReader.read(in, file.readName(), AMA_TEXT)) {
      Iterator<CptDescriptor> it = descriptors.iterator();
      while (it.hasNext()) {
        CptDescriptor d = it.next();
        writer.document("cpt-descriptor", d.code(), Map.of("descriptor", d.descriptor()));
        count++;
      }
    }
    writer.count("descriptors", count);
  }
}
