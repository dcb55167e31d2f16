package org.openencoder.search.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.search.InvalidSearchException;
import org.openencoder.search.SearchFilter;

/**
 * The filters of a search as they come in a query string, read the same way by the API and the
 * search page, so that both answer a bad parameter with the same message.
 */
final class SearchParameters {

  private SearchParameters() {}

  static SearchFilter filter(
      @Nullable String system, boolean billableOnly, @Nullable String dateOfService) {
    return new SearchFilter(system(system), billableOnly, date(dateOfService));
  }

  static @Nullable CodeSystem system(@Nullable String system) {
    if (system == null || system.isBlank()) {
      return null;
    }
    return CodeSystem.fromSlug(system.strip())
        .orElseThrow(
            () ->
                new InvalidSearchException(
                    "Unknown code system '" + system + "'; use icd10cm, icd10pcs, hcpcs or cpt."));
  }

  static @Nullable LocalDate date(@Nullable String dateOfService) {
    if (dateOfService == null || dateOfService.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(dateOfService.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidSearchException(
          "The date '" + dateOfService + "' is not a date of the form YYYY-MM-DD.");
    }
  }

  /**
   * A checkbox's value: "true" (or "on", what a checkbox without a value sends), else absent or
   * "false"; also the other words Spring reads as a boolean (yes/no, 1/0, off), which the API
   * accepted when Spring read its parameters.
   */
  static boolean billableOnly(@Nullable String billable) {
    if (billable == null || billable.isBlank()) {
      return false;
    }
    return switch (billable.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default ->
          throw new InvalidSearchException(
              "Billable only is 'true' or 'false', not '" + billable + "'.");
    };
  }

  /** How many codes to answer; absent or blank, the default. The search checks the range. */
  static int limit(@Nullable String limit, int defaultLimit) {
    if (limit == null || limit.isBlank()) {
      return defaultLimit;
    }
    try {
      return Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      throw new InvalidSearchException("The limit '" + limit + "' is not a whole number.");
    }
  }
}
