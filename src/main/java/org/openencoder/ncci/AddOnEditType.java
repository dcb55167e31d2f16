package org.openencoder.ncci;

/**
 * How an add-on code edit names the primary codes an add-on code may be reported with. The meanings
 * are those of the NCCI Policy Manual for Medicare Services, chapter I, section W.
 */
public enum AddOnEditType {
  LISTED_PRIMARIES_ONLY(
      1,
      "CPT or HCPCS define all acceptable primary codes, which the edits list; contractors do not"
          + " allow other primary codes"),
  CONTRACTOR_DEFINED_PRIMARIES(
      2,
      "CPT and HCPCS define no primary codes; each contractor develops its own list of acceptable"
          + " primary codes"),
  LISTED_PRIMARIES_AND_OTHERS(
      3,
      "CPT or HCPCS define some acceptable primary codes, which the edits list; contractors allow"
          + " them and may allow other primary codes of their own");

  private final int number;
  private final String meaning;

  AddOnEditType(int number, String meaning) {
    this.number = number;
    this.meaning = meaning;
  }

  /** The type as the AOC file writes it: 1, 2 or 3. */
  public int number() {
    return number;
  }

  public String meaning() {
    return meaning;
  }

  /** "Type 1: CPT or HCPCS define all acceptable primary codes ...". */
  public String display() {
    return "Type " + number + ": " + meaning;
  }

  public static AddOnEditType of(int number) {
    for (AddOnEditType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    throw new IllegalArgumentException("An add-on code edit type is 1, 2 or 3, not " + number);
  }
}
