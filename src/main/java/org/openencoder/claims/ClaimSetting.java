package org.openencoder.claims;

import java.util.Optional;
import org.openencoder.ncci.Setting;

/**
 * Who bills the claim. It picks the NCCI tables (CMS publishes PTP edits for practitioners and
 * outpatient hospitals, MUEs for those two and DME suppliers) and whether the Medicare Code Editor
 * applies (inpatient claims, which the MS-DRG grouper edits).
 */
public enum ClaimSetting {
  PRACTITIONER("practitioner", Setting.PRACTITIONER),
  OUTPATIENT_HOSPITAL("outpatient-hospital", Setting.OUTPATIENT_HOSPITAL),
  DME("dme", Setting.DME),
  INPATIENT("inpatient", null);

  private final String value;
  private final Setting ncciSetting;

  ClaimSetting(String value, Setting ncciSetting) {
    this.value = value;
    this.ncciSetting = ncciSetting;
  }

  /** The setting as the API writes it: practitioner, outpatient-hospital, dme or inpatient. */
  public String value() {
    return value;
  }

  /** The NCCI table setting; empty for inpatient claims, which NCCI PTP and MUE do not edit. */
  public Optional<Setting> ncciSetting() {
    return Optional.ofNullable(ncciSetting);
  }

  public static Optional<ClaimSetting> of(String value) {
    for (ClaimSetting setting : values()) {
      if (setting.value.equalsIgnoreCase(value) || setting.name().equalsIgnoreCase(value)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}
