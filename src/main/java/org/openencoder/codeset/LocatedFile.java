package org.openencoder.codeset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A source file found on disk (mirror or download folder), checked against its known digest.
 *
 * @param member the zip member actually found, or null for a plain file
 * @param sha256 the digest of the file at {@code path} (the zip when {@code member} is set)
 */
public record LocatedFile(SourceFile source, Path path, String member, String sha256, long bytes) {

  /** Names the file as an operator finds it: "icd10cm-order-2026.txt in x.zip". */
  public String displayName() {
    String file = path.getFileName().toString();
    return member == null ? file : member + " in " + file;
  }

  /** The name of the file the reader parses (the member name for a zip). */
  public String readName() {
    return member == null ? path.getFileName().toString() : member;
  }

  public InputStream open() throws IOException {
    if (member == null) {
      return Files.newInputStream(path);
    }
    ZipFile zip = new ZipFile(path.toFile());
    ZipEntry entry = zip.getEntry(member);
    if (entry == null) {
      zip.close();
      throw new IOException(path + " has no member " + member);
    }
    return new FilterInputStream(zip.getInputStream(entry)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }
}
