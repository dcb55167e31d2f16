package org.openencoder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The official CDC/CMS release files that tests read, from the mirror named by {@code
 * OPENENCODER_MIRROR} (CI sets it to ../shared/data). A missing file fails the test: tests on real
 * data are never silently skipped.
 */
public final class OfficialFiles {

  private OfficialFiles() {}

  public static Path mirror() {
    String configured = System.getenv("OPENENCODER_MIRROR");
    Path root =
        configured == null || configured.isBlank()
            ? Path.of("../shared/data")
            : Path.of(configured);
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "Official files not found at "
              + root.toAbsolutePath()
              + ": set OPENENCODER_MIRROR to a folder laid out like ../shared/data");
    }
    return root;
  }

  /** A file of the mirror, by its path relative to the mirror root, e.g. "icd10/x.xml". */
  public static Path path(String relative) {
    Path file = mirror().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Official file missing from the mirror: " + file);
    }
    return file;
  }

  public static InputStream open(String relative) {
    try {
      return Files.newInputStream(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One member of an official zip, streamed. Close the returned stream to close the zip. */
  public static InputStream openMember(String relativeZip, String member) {
    try {
      ZipFile zip = new ZipFile(path(relativeZip).toFile());
      ZipEntry entry = zip.getEntry(member);
      if (entry == null) {
        zip.close();
        throw new IllegalStateException(relativeZip + " has no member " + member);
      }
      InputStream in = zip.getInputStream(entry);
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
