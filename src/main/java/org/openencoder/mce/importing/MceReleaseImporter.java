package org.openencoder.mce.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.codeset.SourceFile;
import org.openencoder.mce.MceList;
import org.openencoder.mce.MedicareCodeEditor;
import org.openencoder.mce.importing.MceDefinitions.Entry;
import org.springframework.stereotype.Component;

/**
 * A version of the Medicare Code Editor's definitions. Each list is stored as one document of kind
 * {@code mce-list} keyed by the {@link MceList} name, {@code {"entries": [{"code": "A33",
 * "description": "Tetanus neonatorum", "line": 113}, ...]}}; the age ranges the text states under
 * kind {@code mce-ages}, and edit 5's heading under {@code mce-sex-conflict}: {@link
 * MedicareCodeEditor} reads them back.
 *
 * <p>The version and month on the file's title page must be the release's: a v43.1 file read as
 * another version would date every edit wrongly.
 */
@Component
class MceReleaseImporter implements ReleaseImporter {

  private static final String MS_DRG_PAGE =
      "https://www.cms.gov/medicare/payment/prospective-payment-systems/acute-inpatient-pps/"
          + "ms-drg-classifications-and-software";

  @Override
  public String dataset() {
    return MedicareCodeEditor.DATASET;
  }

  /**
   * v43.1, the April 2026 update of the FY2026 MCE: in force from 1 April 2026 to the end of the
   * fiscal year, when the October (FY2027, v44) version replaces it.
   */
  @Override
  public List<ReleaseDefinition> definitions() {
    return List.of(
        new ReleaseDefinition(
            MedicareCodeEditor.DATASET,
            "v43.1",
            "Medicare Code Editor v43.1 (April 2026)",
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 9, 30),
            List.of(
                new SourceFile(
                    MedicareCodeEditor.DEFINITIONS_ROLE,
                    List.of(
                        SourceFile.Location.file(
                            "cms/mce/Definitions of Medicare Code Edits_v_43_1.txt",
                            "1a37fd3d80074afca8c6ef4f7201018951df6b59da32d37db5feffa9428dcde5")),
                    MS_DRG_PAGE,
                    false,
                    true,
                    "Definitions of Medicare Code Edits v43.1 (text form): the MCE code lists"))));
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    LocatedFile file = files.get(MedicareCodeEditor.DEFINITIONS_ROLE);
    writer.progress("Reading " + file.displayName());
    MceDefinitions read;
    try (InputStream in = file.open()) {
      read = MceDefinitionsReader.read(in, file.readName());
    }
    YearMonth month = YearMonth.from(definition.effectiveFrom());
    if (!read.version().equals(definition.version()) || !read.month().equals(month)) {
      throw new MalformedFileException(
          file.readName(),
          0,
          "is "
              + read.version()
              + " of "
              + read.month()
              + ", not "
              + definition.version()
              + " of "
              + month);
    }
    // A code the file lists twice in one list (Z5189 in edit 9's introduction and list) is one
    // listing, cited at its first line.
    Map<MceList, Map<String, Map<String, Object>>> lists = new EnumMap<>(MceList.class);
    for (Entry entry : read.entries()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("code", entry.code());
      doc.put("description", entry.description());
      doc.put("line", entry.line());
      lists
          .computeIfAbsent(entry.list(), l -> new LinkedHashMap<>())
          .putIfAbsent(entry.code(), doc);
    }
    lists.forEach(
        (list, codes) -> {
          writer.document(
              "mce-list", list.name(), Map.of("entries", new ArrayList<>(codes.values())));
          writer.count(list.name(), codes.size());
        });
    read.ages()
        .forEach(
            (list, stated) -> {
              if (list.ages().isPresent() && !list.ages().get().equals(stated.range())) {
                throw new MalformedFileException(
                    file.readName(),
                    stated.line(),
                    list.title()
                        + ": the file states ages "
                        + stated.range().display()
                        + ", the code expects "
                        + list.ages().get().display());
              }
              writer.document(
                  "mce-ages",
                  list.name(),
                  Map.of(
                      "min", stated.range().min(),
                      "max", stated.range().max(),
                      "line", stated.line()));
            });
    Map<String, Object> sex = new LinkedHashMap<>();
    sex.put(
        "deactivated",
        read.sexConflictDeactivated() == null ? null : read.sexConflictDeactivated().toString());
    sex.put("heading", read.sexConflictHeading());
    sex.put("line", read.sexConflictLine());
    writer.document("mce-sex-conflict", "5", sex);
    writer.count("entries", read.entries().size());
  }
}
