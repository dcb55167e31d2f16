package org.openencoder.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;

/**
 * What a search is narrowed to.
 *
 * @param system one code system, or null for all
 * @param billableOnly only codes valid on a claim (no headers)
 * @param dateOfService search the release in force on this date; null: the newest release that
 *     lists codes
 */
public record SearchFilter(
    @Nullable CodeSystem system, boolean billableOnly, @Nullable LocalDate dateOfService) {

  /** Every code system, headers included, newest releases. */
  public static final SearchFilter ANY = new SearchFilter(null, false, null);
}
