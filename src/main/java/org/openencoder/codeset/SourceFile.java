package org.openencoder.codeset;

import java.util.List;
import java.util.Objects;

/**
 * One file a release is made of, as its publisher distributes it.
 *
 * @param role what the file holds within the release (order, tabular, drug ...)
 * @param locations where to find it, tried in order; the first is the official download, later ones
 *     are other official forms a mirror may hold (a loose member of the zip, say)
 * @param officialUrl the file's download URL, or the publisher's page when {@code direct} is false
 * @param direct whether {@code officialUrl} downloads the first location itself
 * @param required whether a release without it is not worth importing at all
 */
public record SourceFile(
    String role,
    List<Location> locations,
    String officialUrl,
    boolean direct,
    boolean required,
    String description) {

  public SourceFile {
    Objects.requireNonNull(role);
    locations = List.copyOf(locations);
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("A source file needs at least one location: " + role);
    }
  }

  public Location official() {
    return locations.get(0);
  }

  /**
   * A file relative to the mirror (and download) root, laid out like ../shared/data.
   *
   * @param member the zip member to read, or null for a plain file; a trailing {@code *} matches a
   *     member name prefix (CMS dates its member names)
   * @param sha256 the known digest of the file at {@code path}, or null when unknown
   */
  public record Location(String path, String member, String sha256) {

    public static Location file(String path, String sha256) {
      return new Location(path, null, sha256);
    }

    public static Location member(String zip, String member, String sha256) {
      return new Location(zip, member, sha256);
    }

    public String displayName() {
      String file = path.substring(path.lastIndexOf('/') + 1);
      return member == null ? file : member + " in " + file;
    }
  }
}
