package org.openencoder.codeset;

/** Names of the data sets whose releases are imported, as stored in {@code code_release}. */
public final class Datasets {

  public static final String ICD10CM = "icd10cm";
  public static final String ICD10PCS = "icd10pcs";
  public static final String HCPCS = "hcpcs";

  /** Medicare Physician Fee Schedule relative value file (PPRRVU): names CPT and HCPCS codes. */
  public static final String PFS_RVU = "pfs-rvu";

  /** AMA CPT descriptors, imported only under a licence. */
  public static final String CPT_DESCRIPTORS = "cpt-descriptors";

  private Datasets() {}
}
