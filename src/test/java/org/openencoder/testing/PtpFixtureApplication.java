package org.openencoder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.openencoder.codeset.CodeSets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a mirror that holds only the four 2026 Q4 practitioner PTP zips, laid
 * out like the CMS downloads and built from the official-layout fixture in
 * src/test/resources/ncci/ptp. Every subclass shares this one context (and import).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PtpFixtureApplication {

  private static final Path HOME = ScratchFolders.create("openencoder-ptp-home");
  private static final Path MIRROR = mirror();

  @Autowired protected CodeSets codeSets;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openencoder.home", HOME::toString);
    registry.add("openencoder.mirror", MIRROR::toString);
  }

  @BeforeEach
  void awaitImport() throws InterruptedException {
    if (!codeSets.awaitReady(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "Releases not loaded: " + codeSets.loadFailure().orElse("still importing"));
    }
  }

  /** The mirror folder the application imported from. */
  protected static Path fixtureMirror() {
    return MIRROR;
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Path mirror() {
    Path root = ScratchFolders.create("openencoder-ptp-mirror");
    try {
      Files.createDirectories(root.resolve("cms/ncci-ptp"));
      for (int part = 1; part <= 4; part++) {
        String member = "ccipra-v323r0-f" + part + (part == 2 ? ".txt" : ".TXT");
        Path zip =
            root.resolve(
                "cms/ncci-ptp/medicare-ncci-2026q4-practitioner-ptp-edits-ccipra-v323r0-f"
                    + part
                    + ".zip");
        try (OutputStream out = Files.newOutputStream(zip);
            ZipOutputStream zipped = new ZipOutputStream(out);
            InputStream in =
                PtpFixtureApplication.class.getResourceAsStream(
                    "/ncci/ptp/practitioner-fixture-part" + part + ".txt")) {
          zipped.putNextEntry(new ZipEntry(member));
          in.transferTo(zipped);
          zipped.closeEntry();
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
