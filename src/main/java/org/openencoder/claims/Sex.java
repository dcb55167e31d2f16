package org.openencoder.claims;

import java.util.Optional;

/** The patient's sex as a claim reports it (X12 837 DMG03: F, M, U). */
public enum Sex {
  F,
  M,
  U;

  public static Optional<Sex> of(String value) {
    for (Sex sex : values()) {
      if (sex.name().equalsIgnoreCase(value)) {
        return Optional.of(sex);
      }
    }
    return Optional.empty();
  }
}
