package org.openencoder.ncci.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.ncci.Mue;
import org.openencoder.ncci.MueAdjudicationIndicator;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.Setting;
import org.springframework.stereotype.Component;

/**
 * The Medicare NCCI MUE tables of a quarter, one CSV file per setting. Each code's edit is stored
 * as a document of kind {@code mue-<setting>} ({@code mue-practitioner}, {@code
 * mue-outpatient-hospital}, {@code mue-dme}) keyed by the code, {@code {"value": 2, "indicator": 3,
 * "rationale": "Clinical: Data", "line": 10348}}, which {@link NcciTables} reads back.
 */
@Component
class MueReleaseImporter implements ReleaseImporter {

  @Override
  public String dataset() {
    return NcciTables.MUE_DATASET;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return NcciReleases.mue();
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    for (Setting setting : Setting.values()) {
      LocatedFile file = files.get(setting.role());
      if (file == null) {
        continue;
      }
      writer.progress("Reading " + file.displayName());
      Set<String> codes = new HashSet<>();
      try (InputStream in = file.open();
          Stream<MueEntry> entries = MueFileReader.read(in, file.readName())) {
        Iterator<MueEntry> it = entries.iterator();
        while (it.hasNext()) {
          MueEntry entry = it.next();
          Mue mue = mue(setting, entry, file.readName());
          if (!codes.add(mue.code())) {
            // The document key is the code: a second row would overwrite the first unseen.
            throw new MalformedFileException(
                file.readName(), entry.line(), "lists " + mue.code() + " a second time");
          }
          writer.document("mue-" + setting.role(), mue.code(), document(mue));
        }
      }
      writer.count(countName(setting), codes.size());
    }
  }

  private static Mue mue(Setting setting, MueEntry entry, String fileName) {
    MueAdjudicationIndicator indicator = MueAdjudicationIndicator.of(entry.adjudicationIndicator());
    // The file spells the indicator out after its digit; a digit that came to mean something else
    // would make every explanation we show wrong, so it must read as the policy manual says.
    if (!entry.adjudicationText().isEmpty()
        && !entry.adjudicationText().equalsIgnoreCase(indicator.meaning())) {
      throw new MalformedFileException(
          fileName,
          entry.line(),
          "adjudication indicator "
              + indicator.number()
              + " reads '"
              + entry.adjudicationText()
              + "', not '"
              + indicator.meaning()
              + "'");
    }
    try {
      return new Mue(
          setting, entry.code(), entry.mueValue(), indicator, entry.rationale(), entry.line());
    } catch (IllegalArgumentException e) {
      throw new MalformedFileException(fileName, entry.line(), e.getMessage(), e);
    }
  }

  private static Map<String, Object> document(Mue mue) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("value", mue.value());
    doc.put("indicator", mue.indicator().number());
    doc.put("rationale", mue.rationale());
    doc.put("line", mue.line());
    return doc;
  }

  /** "practitionerCodes", "outpatientHospitalCodes", "dmeCodes". */
  static String countName(Setting setting) {
    StringBuilder name = new StringBuilder();
    boolean capital = false;
    for (char c : setting.role().toCharArray()) {
      if (c == '-') {
        capital = true;
      } else {
        name.append(capital ? Character.toUpperCase(c) : c);
        capital = false;
      }
    }
    return name.append("Codes").toString();
  }
}
