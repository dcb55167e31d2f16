package org.openencoder.ncci;

/**
 * The Correct Coding Modifier Indicator (CCMI) of an NCCI PTP edit, column "Modifier" of the CMS
 * files. The meanings are those of the NCCI Policy Manual for Medicare Services (2026), chapter I,
 * section E: 0, the NCCI PTP-associated modifiers cannot bypass the edit; 1, they may under
 * appropriate circumstances; 9, their use "is not specified", the value of every code pair whose
 * deletion date is the same as its effective date, that is, of an edit deleted the day it started.
 */
public enum PtpModifierIndicator {
  NOT_ALLOWED(0, "not allowed"),
  ALLOWED(1, "allowed"),
  NOT_APPLICABLE(9, "not applicable");

  private final int cmsValue;
  private final String meaning;

  PtpModifierIndicator(int cmsValue, String meaning) {
    this.cmsValue = cmsValue;
    this.meaning = meaning;
  }

  public static PtpModifierIndicator of(int cmsValue) {
    return switch (cmsValue) {
      case 0 -> NOT_ALLOWED;
      case 1 -> ALLOWED;
      case 9 -> NOT_APPLICABLE;
      default ->
          throw new IllegalArgumentException(
              "A PTP modifier indicator is 0, 1 or 9, not " + cmsValue);
    };
  }

  /** The digit the CMS files print: 0, 1 or 9. */
  public int cmsValue() {
    return cmsValue;
  }

  /** "1 = allowed", as the header of the CMS files spells it. */
  public String display() {
    return cmsValue + " = " + meaning;
  }
}
