package org.openencoder.ncci.importing;

import static org.openencoder.codeset.SourceFile.Location.file;
import static org.openencoder.codeset.SourceFile.Location.member;

import java.time.LocalDate;
import java.util.ArrayList;
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
  static final String PTP_PAGE = NCCI_PAGES + "medicare-ncci-procedure-procedure-ptp-edits";
  private static final String CMS_FILES = "https://www.cms.gov/files/zip/";

  /** The derived PTP copies, documented in cms/ncci-ptp/MANIFEST.md. */
  private static final String DERIVED = "cms/ncci-ptp/derived/";

  /** Said on every derived release: the one fact a user of its edits must not miss. */
  static final String NO_EFFECTIVE_DATE =
      "derived copy without the Effective Date column: an edit's start date is unknown";

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
   * The practitioner PTP tables: v30.1 and v30.2 as derived copies of every row (no original CMS
   * file of any quarter could be fetched here), and the current quarter, 2026 Q4 (v32.3), as the
   * four official zips, which a connected node downloads and an offline one reports missing.
   */
  static List<ReleaseDefinition> ptpPractitioner() {
    return List.of(
        derivedPtp(
            NcciTables.PTP_PRACTITIONER_DATASET,
            "2024Q2",
            "Medicare NCCI PTP edits, practitioner, v30.1 (2024 Q2), " + NO_EFFECTIVE_DATE,
            LocalDate.of(2024, 4, 1),
            LocalDate.of(2024, 6, 30),
            "ptp_practitioner_v30.1_2024q2_no-effective-date.tsv.gz",
            "efba53e4e34c0bd8cf4325b8368450699dfc4dabd8d26b94bf01e8e7a45f5aa4",
            "ccipra-v301r0"),
        derivedPtp(
            NcciTables.PTP_PRACTITIONER_DATASET,
            "2024Q3",
            "Medicare NCCI PTP edits, practitioner, v30.2 (2024 Q3), " + NO_EFFECTIVE_DATE,
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2024, 9, 30),
            "ptp_practitioner_v30.2_2024q3_no-effective-date.tsv.gz",
            "b03438dcdd3e26aa30b617c2505f203ea7a31671516b254394df7036ebac7630",
            "ccipra-v302r0"),
        officialPtp(
            NcciTables.PTP_PRACTITIONER_DATASET,
            "Medicare NCCI PTP edits, practitioner, v32.3 (2026 Q4)",
            "medicare-ncci-2026q4-practitioner-ptp-edits-",
            "ccipra-v323r0"));
  }

  /** The outpatient hospital PTP tables: v30.2 derived, and 2026 Q4 official. */
  static List<ReleaseDefinition> ptpHospital() {
    return List.of(
        derivedPtp(
            NcciTables.PTP_HOSPITAL_DATASET,
            "2024Q3",
            "Medicare NCCI PTP edits, outpatient hospital, v30.2 (2024 Q3), " + NO_EFFECTIVE_DATE,
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2024, 9, 30),
            "ptp_hospital_v30.2_2024q3_no-effective-date.tsv.gz",
            "4aca2ffd15a7346144a6c145efc474e6b5f7218ae84e02224fe11f10a0cf2efb",
            "ccioph-v302r0"),
        officialPtp(
            NcciTables.PTP_HOSPITAL_DATASET,
            "Medicare NCCI PTP edits, outpatient hospital, v32.3 (2026 Q4)",
            "medicare-ncci-2026q4-hospital-ptp-edits-",
            "ccioph-v323r0"));
  }

  private static ReleaseDefinition derivedPtp(
      String dataset,
      String version,
      String title,
      LocalDate from,
      LocalDate to,
      String file,
      String sha256,
      String officialStem) {
    return new ReleaseDefinition(
        dataset,
        version,
        title,
        from,
        to,
        List.of(
            new SourceFile(
                NcciTables.PTP_FILE_ROLES.get(0),
                List.of(file(DERIVED + file, sha256)),
                PTP_PAGE,
                false,
                true,
                "Every row of CMS "
                    + officialStem
                    + "-f1..f4 as a derived TSV (cms/ncci-ptp/MANIFEST.md), WITHOUT the Effective"
                    + " Date column: the start date of an edit is unknown in this source")));
  }

  /**
   * A quarter's four official parts, each a zip holding one TXT part (the member is named {@code
   * <stem>-f<n>.TXT}; the lower-case form is accepted as well). CMS publishes no checksums and none
   * of these files could be fetched here, so their sha256 is null: not checked, to be verified and
   * pinned once a download has been compared with a second copy.
   */
  private static ReleaseDefinition officialPtp(
      String dataset, String title, String zipPrefix, String stem) {
    List<SourceFile> parts = new ArrayList<>();
    for (int part = 1; part <= 4; part++) {
      String zip = zipPrefix + stem + "-f" + part + ".zip";
      String member = stem + "-f" + part;
      parts.add(
          new SourceFile(
              NcciTables.PTP_FILE_ROLES.get(part),
              List.of(
                  member("cms/ncci-ptp/" + zip, member + ".TXT", null),
                  member("cms/ncci-ptp/" + zip, member + ".txt", null)),
              CMS_FILES + zip,
              true,
              // A table without one of its parts would miss every edit of that code range.
              true,
              "PTP table part " + part + " of 4 (" + member + ".TXT, the CMS text layout)"));
    }
    return new ReleaseDefinition(
        dataset, "2026Q4", title, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), parts);
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
