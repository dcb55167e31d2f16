package org.openencoder.mce;

/**
 * An inclusive range of ages in years, as the MCE definitions state one for an age-conflict list.
 */
public record AgeRange(int min, int max) {

  public AgeRange {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("No age range " + min + " to " + max);
    }
  }

  public boolean contains(int age) {
    return age >= min && age <= max;
  }

  /** "0 through 17", the wording of the definitions file; "0" for one age. */
  public String display() {
    return min == max ? Integer.toString(min) : min + " through " + max;
  }
}
