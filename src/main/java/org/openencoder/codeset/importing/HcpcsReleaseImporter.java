package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.HcpcsDetail;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.ReleaseWriter.CodeRow;
import org.springframework.stereotype.Component;

/**
 * HCPCS Level II from the CMS alpha-numeric file: the fixed-width ANWEB record file, or its xlsx
 * form when that is the file at hand. Terminated codes stay listed with their termination date, so
 * that claims for earlier dates of service still find them.
 */
@Component
class HcpcsReleaseImporter implements ReleaseImporter {

  @Override
  public String dataset() {
    return Datasets.HCPCS;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return OfficialReleases.hcpcs();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    LocatedFile file = files.get("anweb");
    writer.progress("Reading " + file.displayName());
    long[] counts = new long[4]; // codes, modifiers, active codes, active modifiers
    int ordinal = 0;
    try (InputStream in = file.open();
        Stream<HcpcsRecord> records =
            file.readName().toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? HcpcsAlphaNumericSpreadsheetReader.read(in, file.readName())
                : HcpcsAlphaNumericTextReader.read(in, file.readName())) {
      Iterator<HcpcsRecord> it = records.iterator();
      while (it.hasNext()) {
        HcpcsRecord r = it.next();
        int kind = r.modifier() ? 1 : 0;
        counts[kind]++;
        if (r.active()) {
          counts[kind + 2]++;
        }
        writer.code(
            new CodeRow(
                r.code(),
                r.modifier() ? CodeEntry.Kind.MODIFIER : CodeEntry.Kind.CODE,
                !r.modifier(),
                r.longDescription(),
                r.shortDescription(),
                null,
                ++ordinal,
                detail(r)));
      }
    }
    writer.count("codes", counts[0]);
    writer.count("modifiers", counts[1]);
    writer.count("codesWithoutTerminationDate", counts[2]);
    writer.count("modifiersWithoutTerminationDate", counts[3]);
  }

  private static HcpcsDetail detail(HcpcsRecord r) {
    return new HcpcsDetail(
        r.pricingIndicators(),
        r.multiplePricingIndicator(),
        r.cimReferences(),
        r.mcmReferences(),
        r.statute(),
        r.labCertifications(),
        r.crossReferences(),
        r.coverage(),
        r.ascGroup(),
        r.ascEffectiveDate(),
        r.processingNote(),
        r.betos(),
        r.typesOfService(),
        r.anesthesiaBaseUnits() == null ? null : r.anesthesiaBaseUnits().toString(),
        r.addDate(),
        r.actionEffectiveDate(),
        r.terminationDate(),
        r.actionCode());
  }
}
