package org.openencoder.codeset;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Imports the releases of one data set: parse (a reader per official file), map, store. Modules
 * that own a data set (NCCI tables, say) provide one as a bean; the start-up import runs them all.
 */
public interface ReleaseImporter {

  String dataset();

  /** The releases this importer knows, oldest first, with their official files. */
  List<ReleaseDefinition> definitions();

  /**
   * Writes the release's content. {@code files} holds the files that were found, by role; the
   * missing ones are already recorded on the release.
   */
  void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException;
}
