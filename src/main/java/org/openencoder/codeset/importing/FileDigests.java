package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The sha256 of official files, remembered in {@code $OPENENCODER_HOME/file-digests.properties} by
 * path, size and modification time. A restart then checks the mirror's 80 MB of files without
 * reading them again; a file that changed in any of those three is hashed anew.
 */
final class FileDigests {

  private final Path store;
  private final Properties known = new Properties();

  FileDigests(Path home) {
    this.store = home.resolve("file-digests.properties");
    if (Files.isRegularFile(store)) {
      try (InputStream in = Files.newInputStream(store)) {
        known.load(in);
      } catch (IOException | IllegalArgumentException e) {
        known.clear(); // a damaged cache only costs the hashing it would have saved
      }
    }
  }

  synchronized String sha256(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    String stamp = Files.size(absolute) + ":" + Files.getLastModifiedTime(absolute).toMillis();
    String remembered = known.getProperty(absolute.toString());
    if (remembered != null && remembered.startsWith(stamp + ":")) {
      return remembered.substring(stamp.length() + 1);
    }
    String digest = compute(absolute);
    known.setProperty(absolute.toString(), stamp + ":" + digest);
    save();
    return digest;
  }

  private void save() {
    try {
      Files.createDirectories(store.getParent());
      Path partial = store.resolveSibling(store.getFileName() + ".part");
      try (OutputStream out = Files.newOutputStream(partial)) {
        known.store(out, "sha256 of official files by path; size:modified-millis:sha256");
      }
      Files.move(partial, store, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + store, e);
    }
  }

  static String compute(Path path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
