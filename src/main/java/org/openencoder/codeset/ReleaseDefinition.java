package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A release the registry knows how to import: its data set, version, effective period and files.
 *
 * @param effectiveTo the last day of the nominal period, or null when open-ended
 */
public record ReleaseDefinition(
    String dataset,
    String version,
    String title,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    List<SourceFile> files) {

  public ReleaseDefinition {
    files = List.copyOf(files);
  }

  public Optional<SourceFile> file(String role) {
    return files.stream().filter(f -> f.role().equals(role)).findFirst();
  }
}
