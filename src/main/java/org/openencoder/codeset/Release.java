package org.openencoder.codeset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One imported release of a data set, with the files it came from and what it lacks.
 *
 * @param effectiveTo last day of the nominal period, or null when open-ended
 */
public record Release(
    long id,
    String dataset,
    String version,
    String title,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    State state,
    String fingerprint,
    Map<String, Long> counts,
    List<MissingFile> missing,
    List<SourceFileRecord> files,
    String failure,
    Instant startedAt,
    Instant finishedAt,
    Instant activatedAt) {

  public enum State {
    IMPORTING,
    ACTIVE,
    FAILED,
    RETIRED
  }

  public Release {
    counts = Map.copyOf(counts);
    missing = List.copyOf(missing);
    files = List.copyOf(files);
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
  }

  public boolean lacks(String role) {
    return missing.stream().anyMatch(m -> m.role().equals(role));
  }

  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /** A file the release expects that was not found, and why. */
  public record MissingFile(String role, String file, String reason) {}

  /** A source file of the release as imported: where it officially comes from and its digest. */
  public record SourceFileRecord(
      String role,
      String fileName,
      String member,
      String officialUrl,
      String sha256,
      Long bytes,
      boolean present,
      String note) {}
}
