package org.openencoder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders of the test applications, removed when the JVM exits. An application home holds
 * an embedded PostgreSQL and every imported release (about 1.6 GB); left behind, a few test runs
 * fill a CI disk.
 */
public final class ScratchFolders {

  private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

  /** How long a PostgreSQL server in a folder may take to stop before the folder goes anyway. */
  private static final long SERVER_STOP_MILLIS = 20_000;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolders::removeAll, "scratch-folders"));
  }

  private ScratchFolders() {}

  /** A new empty folder under the system's temporary folder, removed when the JVM exits. */
  public static Path create(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      FOLDERS.add(folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void removeAll() {
    // Spring's own shutdown hooks run at the same time and stop the embedded PostgreSQL servers
    // whose data lives here. A server removes its postmaster.pid when it has stopped; wait for
    // that, so its shutdown checkpoint does not write into a folder being deleted.
    long deadline = System.currentTimeMillis() + SERVER_STOP_MILLIS;
    while (FOLDERS.stream().anyMatch(ScratchFolders::holdsRunningServer)
        && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    FOLDERS.forEach(ScratchFolders::delete);
  }

  private static boolean holdsRunningServer(Path folder) {
    try (Stream<Path> files = Files.find(folder, 4, (path, attributes) -> isPidFile(path))) {
      return files.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean isPidFile(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().equals("postmaster.pid");
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort at JVM exit: the folder is under the temporary folder either way.
    }
  }
}
