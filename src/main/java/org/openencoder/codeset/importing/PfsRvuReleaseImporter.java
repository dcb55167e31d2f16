package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.ReleaseWriter.CodeRow;
import org.springframework.stereotype.Component;

/**
 * The Medicare PFS relative value file (PPRRVU): the public CMS list that names CPT codes, with
 * each code's status, RVUs and payment indicators. Its CPT-shaped codes make the CPT code list;
 * every code's rows are kept for the code pages.
 *
 * <p>The file's short descriptors of CPT codes are AMA text: they are kept only when the operator
 * has accepted the CPT licence ({@code openencoder.codeset.cpt-licence-accepted}).
 */
@Component
class PfsRvuReleaseImporter implements ReleaseImporter {

  private final CodeSetProperties properties;

  PfsRvuReleaseImporter(CodeSetProperties properties) {
    this.properties = properties;
  }

  @Override
  public String dataset() {
    return Datasets.PFS_RVU;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return OfficialReleases.pfsRvu();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    LocatedFile file = files.get("pprrvu");
    writer.progress("Reading " + file.displayName());
    Map<String, List<Map<String, Object>>> byCode = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    long records = 0;
    long cptCodes = 0;
    long statusA = 0;
    int ordinal = 0;
    try (InputStream in = file.open();
        Stream<RvuRecord> rows =
            file.readName().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? RvuFileReader.readCsv(in, file.readName())
                : RvuFileReader.readText(in, file.readName())) {
      Iterator<RvuRecord> it = rows.iterator();
      while (it.hasNext()) {
        RvuRecord r = it.next();
        records++;
        boolean cpt = CodeSystem.CPT.hasShape(r.hcpcs());
        boolean keepDescriptor = !cpt || properties.cptLicenceAccepted();
        byCode.computeIfAbsent(r.hcpcs(), k -> new ArrayList<>()).add(row(r, keepDescriptor));
        if (r.modifier() == null && "A".equals(r.statusCode())) {
          statusA++;
        }
        if (cpt && written.add(r.hcpcs())) {
          cptCodes++;
          writer.code(
              new CodeRow(
                  r.hcpcs(),
                  CodeEntry.Kind.CODE,
                  true,
                  keepDescriptor ? r.description() : "",
                  null,
                  null,
                  ++ordinal,
                  null));
        }
      }
    }
    byCode.forEach((code, rows) -> writer.document("rvu", code, rows));
    writer.count("records", records);
    writer.count("distinctCodes", byCode.size());
    writer.count("cptCodes", cptCodes);
    writer.count("statusActiveRecords", statusA);
  }

  private static Map<String, Object> row(RvuRecord r, boolean keepDescriptor) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("modifier", r.modifier());
    if (keepDescriptor) {
      row.put("description", r.description());
    }
    row.put("status", r.statusCode());
    row.put("workRvu", r.workRvu());
    row.put("nonFacilityPeRvu", r.nonFacilityNotApplicable() ? null : r.nonFacilityPeRvu());
    row.put("facilityPeRvu", r.facilityNotApplicable() ? null : r.facilityPeRvu());
    row.put("mpRvu", r.mpRvu());
    row.put("nonFacilityTotal", r.nonFacilityNotApplicable() ? null : r.nonFacilityTotal());
    row.put("facilityTotal", r.facilityNotApplicable() ? null : r.facilityTotal());
    row.put("pctc", r.pctcIndicator());
    row.put("globalDays", r.globalDays());
    row.put("multipleProcedure", r.multipleProcedure());
    row.put("bilateralSurgery", r.bilateralSurgery());
    row.put("assistantSurgery", r.assistantSurgery());
    row.put("coSurgeons", r.coSurgeons());
    row.put("teamSurgery", r.teamSurgery());
    row.put("endoscopicBase", r.endoscopicBase());
    row.put("conversionFactor", r.conversionFactor());
    row.put("line", r.line());
    return row;
  }
}
