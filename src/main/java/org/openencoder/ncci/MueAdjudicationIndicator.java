package org.openencoder.ncci;

/**
 * The MUE Adjudication Indicator (MAI): how a claims processor applies an MUE value. The meanings
 * are those of the NCCI Policy Manual for Medicare Services, chapter I, section V.
 */
public enum MueAdjudicationIndicator {
  LINE_EDIT(
      1,
      "line edit",
      "Each claim line is checked on its own. With an appropriate modifier (59, XE, XP, XS, XU,"
          + " 76, 77, 91 or anatomic) the code may be reported on separate lines."),
  DATE_OF_SERVICE_POLICY(
      2,
      "date of service edit: policy",
      "The units on all lines for the date of service are added up. An absolute limit set by"
          + " policy: contractors do not override it in processing, reopening or"
          + " redetermination."),
  DATE_OF_SERVICE_CLINICAL(
      3,
      "date of service edit: clinical",
      "The units on all lines for the date of service are added up. A limit based on clinical"
          + " benchmarks: a contractor may allow more on evidence that the units were provided,"
          + " correctly coded and medically necessary.");

  private final int number;
  private final String meaning;
  private final String explanation;

  MueAdjudicationIndicator(int number, String meaning, String explanation) {
    this.number = number;
    this.meaning = meaning;
    this.explanation = explanation;
  }

  /** The digit the MUE files print: 1, 2 or 3. */
  public int number() {
    return number;
  }

  /** The CMS name of the indicator, e.g. "date of service edit: clinical". */
  public String meaning() {
    return meaning;
  }

  /** How a claims processor applies it, after the policy manual. */
  public String explanation() {
    return explanation;
  }

  /** "3 = date of service edit: clinical". */
  public String display() {
    return number + " = " + meaning;
  }

  public static MueAdjudicationIndicator of(int number) {
    for (MueAdjudicationIndicator indicator : values()) {
      if (indicator.number == number) {
        return indicator;
      }
    }
    throw new IllegalArgumentException("An MUE adjudication indicator is 1, 2 or 3, not " + number);
  }
}
