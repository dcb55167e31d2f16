package org.openencoder.ncci.importing;

import static org.openencoder.codeset.SourceFile.Location.file;

import java.time.LocalDate;
import java.util.List;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.SourceFile;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.Setting;

/**
 * The Medicare NCCI releases we hold: for each file its path in a mirror laid out like
 * ../shared/data and its sha256 (from cms/MANIFEST.md). CMS serves the files from pages whose links
 * change every quarter, so the official URL is the page ({@code direct} false), not a download.
 *
 * <p>Each release covers one quarter. CMS replaces the tables every quarter, so a release is not
 * assumed to apply after its quarter ends.
 */
final class NcciReleases {

  private static final String NCCI_PAGES =
      "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/";
  static final String MUE_PAGE = NCCI_PAGES + "medicare-ncci-medically-unlikely-edits";
  static final String ADD_ON_PAGE = NCCI_PAGES + "medicare-ncci-add-code-edits";

  private NcciReleases() {}

  static List<ReleaseDefinition> mue() {
    return List.of(
        new ReleaseDefinition(
            NcciTables.MUE_DATASET,
            "2026Q2",
            "Medicare NCCI MUE tables 2026 Q2",
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 6, 30),
            List.of(
                mueFile(
                    Setting.PRACTITIONER,
                    "cms/ncci/mue/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv",
                    "720027c47fd38f3194bbe332d7cd7e6940cdc1e1945d08d46000945c7ce6494c"),
                mueFile(
                    Setting.OUTPATIENT_HOSPITAL,
                    "cms/ncci/mue/MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv",
                    "503b545c1a6991ca78e8376cf3d1dece3368282501920d52223c2bd5dd83285e"),
                mueFile(
                    Setting.DME,
                    "cms/ncci/mue/MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv",
                    "695575e516453a4712f401393a158aaf256aa45e2f89e413e90108f9dbbf0bdc"))));
  }

  static List<ReleaseDefinition> addOnCodes() {
    return List.of(
        new ReleaseDefinition(
            NcciTables.ADD_ON_DATASET,
            "2026Q2",
            "Medicare NCCI add-on code edits 2026 Q2",
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 6, 30),
            List.of(
                new SourceFile(
                    "aoc",
                    List.of(
                        file(
                            "cms/ncci/aoc/AOC_V2026Q2-MCR.xlsx",
                            "870a84912f91f8e8fdfa1acd01f076cfb1473ba10c98861fc18d040ce3fbdac6")),
                    ADD_ON_PAGE,
                    false,
                    true,
                    "Add-on code edit table (AOC_V2026Q2-MCR.xlsx): add-on codes, their primary"
                        + " codes, edit types and dates"))));
  }

  /**
   * One setting's MUE table. The practitioner table is required, the other two are not: a release
   * without, say, the DME table still answers for the other settings and lists the DME table as
   * missing, but one without the practitioner table, which most claims are checked against, is not
   * worth making active.
   */
  private static SourceFile mueFile(Setting setting, String path, String sha256) {
    return new SourceFile(
        setting.role(),
        List.of(file(path, sha256)),
        MUE_PAGE,
        false,
        setting == Setting.PRACTITIONER,
        "MUE table, " + setting.displayName() + " (CSV form)");
  }
}
