package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembered digests are reused only while the file's size and modification time are unchanged. */
class FileDigestsTest {

  @TempDir Path home;

  @Test
  void aRestartReusesTheDigestAndAChangedFileIsHashedAgain() throws Exception {
    Path file = Files.writeString(home.resolve("order.txt"), "first content");
    String first = new FileDigests(home).sha256(file);
    assertThat(first).isEqualTo(FileDigests.compute(file));

    // A new instance (a restart) reads the stored digest: prove it by planting a different one.
    Path store = home.resolve("file-digests.properties");
    String planted = Files.readString(store).replace(first, "0".repeat(64));
    Files.writeString(store, planted);
    assertThat(new FileDigests(home).sha256(file)).isEqualTo("0".repeat(64));

    Files.writeString(file, "second, longer content");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    assertThat(new FileDigests(home).sha256(file))
        .isEqualTo(FileDigests.compute(file))
        .isNotEqualTo(first);
  }
}
