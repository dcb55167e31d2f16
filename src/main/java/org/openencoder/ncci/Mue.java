package org.openencoder.ncci;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Medically Unlikely Edit: the most units of a HCPCS/CPT code that one provider reports for one
 * beneficiary on one date of service under most circumstances, in one setting.
 *
 * @param value the unit limit; 0 means any unit reported in this setting exceeds the edit
 * @param rationale why CMS set the value, as the file words it ("Anatomic Consideration" ...)
 * @param line the line of the MUE file the edit is on, for citing it
 */
public record Mue(
    Setting setting,
    String code,
    int value,
    MueAdjudicationIndicator indicator,
    String rationale,
    long line) {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");

  public Mue {
    Objects.requireNonNull(setting);
    Objects.requireNonNull(indicator);
    Objects.requireNonNull(rationale);
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("An MUE is for a 5-character HCPCS/CPT code: " + code);
    }
    if (value < 0) {
      throw new IllegalArgumentException("An MUE value is never negative: " + code + " " + value);
    }
  }

  /** Whether this many units of the code on one line (MAI 1) or one date (MAI 2, 3) pass. */
  public boolean allows(int units) {
    return units <= value;
  }
}
