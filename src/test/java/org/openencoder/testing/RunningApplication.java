package org.openencoder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.openencoder.codeset.CodeSets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with an embedded PostgreSQL in a fresh folder, having
 * imported every release in the mirror. Every subclass shares this one context (and import).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApplication {

  private static final Path HOME = createHome();

  @Autowired protected CodeSets codeSets;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openencoder.home", HOME::toString);
    registry.add("openencoder.mirror", () -> OfficialFiles.mirror().toAbsolutePath().toString());
    // Tests of code pages open many pages as guests from one address: the shared app meters them
    // (the interceptor runs) with quotas they never reach. Metering itself is tested with the
    // default quotas on MeteredSite.
    registry.add("openencoder.metering.guest-views", () -> "1000000");
    registry.add("openencoder.metering.guest-views-per-ip", () -> "1000000");
    registry.add("openencoder.metering.api-requests-per-ip", () -> "1000000");
  }

  @BeforeEach
  void awaitImport() throws InterruptedException {
    if (!codeSets.awaitReady(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "Releases not loaded: " + codeSets.loadFailure().orElse("still importing"));
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  // OPENENCODER_TEST_HOME keeps the imported releases between runs of a single test while
  // working on it (a restart is seconds, an import minutes); CI leaves it unset.
  private static Path createHome() {
    try {
      String kept = System.getenv("OPENENCODER_TEST_HOME");
      if (kept != null && !kept.isBlank()) {
        return Files.createDirectories(Path.of(kept));
      }
      return ScratchFolders.create("openencoder-test-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
