package org.openencoder.ncci;

import java.util.Optional;

/**
 * The kind of provider an NCCI table is written for. CMS publishes one MUE table for each of the
 * three; the PTP tables exist for the first two only.
 */
public enum Setting {
  PRACTITIONER("practitioner", "Practitioner services"),
  OUTPATIENT_HOSPITAL("outpatient-hospital", "Outpatient hospital services"),
  DME("dme", "DME supplier services");

  private final String role;
  private final String displayName;

  Setting(String role, String displayName) {
    this.role = role;
    this.displayName = displayName;
  }

  /** The name of the setting's file within a release, e.g. "outpatient-hospital". */
  public String role() {
    return role;
  }

  /** The setting as the CMS file names it, e.g. "Outpatient hospital services". */
  public String displayName() {
    return displayName;
  }

  public static Optional<Setting> fromRole(String role) {
    for (Setting setting : values()) {
      if (setting.role.equals(role)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}
