package org.openencoder.codeset.importing;

import static org.openencoder.codeset.SourceFile.Location.file;
import static org.openencoder.codeset.SourceFile.Location.member;

import java.time.LocalDate;
import java.util.List;
import org.openencoder.codeset.Datasets;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.SourceFile;
import org.openencoder.codeset.SourceFile.Location;

/**
 * The registry of official code-set releases: for each file its official URL, its path in a mirror
 * laid out like ../shared/data and, where known, its sha256 (from the data manifests, cross-checked
 * against other projects that hash the CDC/CMS downloads).
 *
 * <p>A release imports when its required file is found; its other files are optional and, when
 * absent, are listed as missing on the release instead of being filled from another year.
 */
final class OfficialReleases {

  private static final String CDC_ICD10CM =
      "https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/";
  private static final String CMS_FILES = "https://www.cms.gov/files/zip/";

  private OfficialReleases() {}

  static List<ReleaseDefinition> icd10cm() {
    String tables2026 = "icd10/icd10cm-table and index-2026.zip";
    String tables2026Url = CDC_ICD10CM + "2026/icd10cm-table%20and%20index-2026.zip";
    String tables2025 = "icd10/icd10cm-table-index-April-2025.zip";
    String tables2025Url = CDC_ICD10CM + "2025-Update/icd10cm-table-index-April-2025.zip";
    String fy2021 = "icd10/fy2021/icd10cm-fy2021-tabular-and-order.zip";
    return List.of(
        new ReleaseDefinition(
            Datasets.ICD10CM,
            "FY2021",
            "ICD-10-CM FY2021",
            LocalDate.of(2020, 10, 1),
            LocalDate.of(2021, 9, 30),
            List.of(
                required(
                    "order",
                    member(fy2021, "icd10cm-order-Jan-2021.txt", null),
                    CDC_ICD10CM + "2021/",
                    "Order file, January 2021 update (the FY2021 code list with short and long titles)"),
                optional(
                    "tabular",
                    member(fy2021, "icd10cm_tabular_2021.xml", null),
                    CDC_ICD10CM + "2021/",
                    "Tabular List XML: hierarchy and instructional notes"))),
        new ReleaseDefinition(
            Datasets.ICD10CM,
            "FY2025",
            "ICD-10-CM FY2025 (index tables only)",
            LocalDate.of(2024, 10, 1),
            LocalDate.of(2025, 9, 30),
            List.of(
                required(
                    "drug",
                    List.of(
                        member(tables2025, "icd-10-cm-drug-2025.xml", null),
                        file(
                            "icd10/icd-10-cm-drug-2025.xml",
                            "c9e7bd78d02f25495842444d3b09a5e5d935be83ffa139aff725b4c7ccc9be64")),
                    tables2025Url,
                    "Table of Drugs and Chemicals XML"),
                optional(
                    "neoplasm",
                    List.of(
                        member(tables2025, "icd-10-cm-neoplasm-2025.xml", null),
                        file(
                            "icd10/icd-10-cm-neoplasm-2025.xml",
                            "20ce857cc0424666e42d2ab5df912d4809090aeb580dfb71b596f7d8989abb48")),
                    tables2025Url,
                    "Neoplasm Table XML"),
                optional(
                    "eindex",
                    List.of(
                        member(tables2025, "icd-10-cm-eindex-2025.xml", null),
                        file(
                            "icd10/icd-10-cm-eindex-2025.xml",
                            "41fa87021d75527d740e120171efe84d995a852d9fd2b76524f483489b59cd23")),
                    tables2025Url,
                    "External Cause of Injuries Index XML"),
                optional(
                    "order",
                    member(
                        "icd10/icd10cm-Code Descriptions-2025.zip", "icd10cm-order-2025.txt", null),
                    CDC_ICD10CM + "2025/icd10cm-Code%20Descriptions-2025.zip",
                    "Order file (the FY2025 code list)"))),
        new ReleaseDefinition(
            Datasets.ICD10CM,
            "FY2026",
            "ICD-10-CM FY2026",
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2026, 9, 30),
            List.of(
                new SourceFile(
                    "order",
                    List.of(
                        member(
                            "icd10/icd10cm-Code Descriptions-2026.zip",
                            "icd10cm-order-2026.txt",
                            "a852eb91b3344ae38476e63816976ee1eeb94dcced7151118324f060e8499f88"),
                        member(
                            "icd10/2026-code-descriptions-tabular-order.zip",
                            "icd10cm_order_2026.txt",
                            "55a9124a27ca78a4a5c41e1101eda064ec2e08d105ff9e78d1fbd1a83298ef11")),
                    CDC_ICD10CM + "2026/icd10cm-Code%20Descriptions-2026.zip",
                    true,
                    true,
                    "Order file: the FY2026 code list with short and long titles"),
                optional(
                    "addenda",
                    member(
                        "icd10/icd10cm-Code Descriptions-2026.zip",
                        "icd10cm-order-addenda-2026.txt",
                        "a852eb91b3344ae38476e63816976ee1eeb94dcced7151118324f060e8499f88"),
                    CDC_ICD10CM + "2026/icd10cm-Code%20Descriptions-2026.zip",
                    "Order file addenda: codes added, deleted and revised since FY2025"),
                optional(
                    "tabular",
                    member(tables2026, "icd10cm_tabular_2026.xml", null),
                    tables2026Url,
                    "Tabular List XML: hierarchy and instructional notes"),
                optional(
                    "index",
                    member(tables2026, "icd10cm_index_2026.xml", null),
                    tables2026Url,
                    "Alphabetic Index XML"),
                optional(
                    "eindex",
                    member(tables2026, "icd10cm_eindex_2026.xml", null),
                    tables2026Url,
                    "External Cause of Injuries Index XML"),
                optional(
                    "drug",
                    member(tables2026, "icd10cm_drug_2026.xml", null),
                    tables2026Url,
                    "Table of Drugs and Chemicals XML"),
                optional(
                    "neoplasm",
                    member(tables2026, "icd10cm_neoplasm_2026.xml", null),
                    tables2026Url,
                    "Neoplasm Table XML"))));
  }

  static List<ReleaseDefinition> icd10pcs() {
    String tables2026 = "icd10/2026-icd-10-pcs-code-tables-and-index.zip";
    String tables2026Url = CMS_FILES + "2026-icd-10-pcs-code-tables-and-index.zip";
    return List.of(
        new ReleaseDefinition(
            Datasets.ICD10PCS,
            "FY2025",
            "ICD-10-PCS FY2025 (index only)",
            LocalDate.of(2024, 10, 1),
            LocalDate.of(2025, 9, 30),
            List.of(
                required(
                    "index",
                    List.of(
                        member(
                            "icd10/2025-icd-10-pcs-code-tables-and-index.zip",
                            "icd10pcs_index_2025.xml",
                            null),
                        file(
                            "icd10/icd10pcs_index_2025.xml",
                            "cf51e20c4b191930b843b1882a3a38f4c817b043f9356f14824ff39f36ea61ee")),
                    CMS_FILES + "2025-icd-10-pcs-code-tables-and-index.zip",
                    "ICD-10-PCS Index XML"),
                optional(
                    "order",
                    member(
                        "icd10/2025-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                        "icd10pcs_order_2025.txt",
                        null),
                    CMS_FILES + "2025-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                    "Order file (the FY2025 code list)"))),
        new ReleaseDefinition(
            Datasets.ICD10PCS,
            "FY2026",
            "ICD-10-PCS FY2026",
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2026, 9, 30),
            List.of(
                required(
                    "order",
                    member(
                        "icd10/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                        "icd10pcs_order_2026.txt",
                        "64e37e6060bfd9eca74d9973be28fdf570b40f87a3a855bd078eb343dd0e594e"),
                    CMS_FILES + "2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                    "Order file: the FY2026 code list with long and abbreviated titles"),
                optional(
                    "addenda",
                    member(
                        "icd10/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                        "order_addenda_2026.txt",
                        "64e37e6060bfd9eca74d9973be28fdf570b40f87a3a855bd078eb343dd0e594e"),
                    CMS_FILES + "2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                    "Order file addenda: codes added, deleted and revised since FY2025"),
                optional(
                    "tables",
                    List.of(
                        member(tables2026, "icd10pcs_tables_2026.xml", null),
                        file(
                            "icd10/icd10pcs_tables_2026.xml",
                            "8a9020bde754a93826ae122ac6bb293271a167e34c05181f1789b5fd3038e96a")),
                    tables2026Url,
                    "Code Tables XML: the axes of every table"),
                optional(
                    "definitions",
                    List.of(
                        member(tables2026, "icd10pcs_definitions_2026.xml", null),
                        file(
                            "icd10/icd10pcs_definitions_2026.xml",
                            "920d19c11639063bca0632e2dd230998b3137429702d0d6df143a285bb1167da")),
                    tables2026Url,
                    "Definitions XML"),
                optional(
                    "index",
                    member(tables2026, "icd10pcs_index_2026.xml", null),
                    tables2026Url,
                    "Index XML"))));
  }

  static List<ReleaseDefinition> hcpcs() {
    return List.of(
        new ReleaseDefinition(
            Datasets.HCPCS,
            "2025-01",
            "HCPCS Level II January 2025",
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 3, 31),
            List.of(
                required(
                    "anweb",
                    member(
                        "cms/hcpcs/january-2025-alpha-numeric-hcpcs-file.zip",
                        "HCPC2025_JAN_ANWEB_*.txt",
                        "b18148a90422eb857311484203e15cd96d69917ad8e477d74e6331a3124495ac"),
                    CMS_FILES + "january-2025-alpha-numeric-hcpcs-file.zip",
                    "Alpha-numeric HCPCS file (ANWEB fixed-width record file)"))),
        new ReleaseDefinition(
            Datasets.HCPCS,
            "2025-10",
            "HCPCS Level II October 2025",
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 12, 31),
            List.of(
                required(
                    "anweb",
                    List.of(
                        member(
                            "cms/hcpcs/october-2025-alpha-numeric-hcpcs-file.zip",
                            "HCPC2025_OCT_ANWEB*.txt",
                            null),
                        file(
                            "cms/hcpcs/HCPC2025_OCT_ANWEB.xlsx",
                            "6fcd04186caa69af047915d16426a05ba20e49c3eba2367f472a94b534f9be52")),
                    CMS_FILES + "october-2025-alpha-numeric-hcpcs-file.zip",
                    "Alpha-numeric HCPCS file (ANWEB record file, or its xlsx form)"))));
  }

  static List<ReleaseDefinition> pfsRvu() {
    return List.of(
        rvu(
            "RVU25D",
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 12, 31),
            "cms/pfs/rvu25d/PPRRVU2025_Oct.csv",
            "8af460f38bf982b79b07269fbc8b7256a8ef3bd3aa025a9c5cb71c1e52523c56",
            "rvu25d.zip"),
        rvu(
            "RVU26B",
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 6, 30),
            "cms/pfs/rvu26b/PPRRVU2026_Apr_nonQPP.txt",
            "ec138c8e74a04fbc5f35cde86554260d3dc1893cfbb250f8be99b077c3d4559a",
            "rvu26b.zip"),
        rvu(
            "RVU26C",
            LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30),
            "cms/pfs/rvu26c/PPRRVU2026_Jul_nonQPP.csv",
            "b7d197e73211ef6854c213c267d5fa9dec8df995db8e1ee7d44c0556ad7cee21",
            "rvu26c.zip"));
  }

  private static ReleaseDefinition rvu(
      String version, LocalDate from, LocalDate to, String path, String sha256, String zip) {
    return new ReleaseDefinition(
        Datasets.PFS_RVU,
        version,
        "Medicare PFS relative value file " + version,
        from,
        to,
        List.of(
            new SourceFile(
                "pprrvu",
                List.of(file(path, sha256)),
                CMS_FILES + zip,
                false,
                true,
                "PPRRVU file (member of the CMS "
                    + zip
                    + "): CPT/HCPCS status, RVUs and indicators")));
  }

  private static SourceFile required(String role, Location location, String url, String what) {
    return new SourceFile(role, List.of(location), url, true, true, what);
  }

  private static SourceFile required(
      String role, List<Location> locations, String url, String what) {
    return new SourceFile(role, locations, url, true, true, what);
  }

  private static SourceFile optional(String role, Location location, String url, String what) {
    return new SourceFile(role, List.of(location), url, true, false, what);
  }

  private static SourceFile optional(
      String role, List<Location> locations, String url, String what) {
    return new SourceFile(role, locations, url, true, false, what);
  }
}
