package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openencoder.codeset.SourceFile;
import org.openencoder.platform.OpenEncoderProperties;

/** Finding official files: mirror, download with retry and checksum, and clear offline messages. */
class SourceLocatorTest {

  private static final byte[] CONTENT =
      "00001 A00     0 Cholera\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String WRONG_SHA256 = // the digest of some other file
      "4e9ec5b7b8e8b0d55f27d7b5c9cf2cc8f4b8a86e1e2c0f8e8b5a5e5d4b3a2c10";

  @TempDir Path home;
  private HttpServer server;
  private final AtomicInteger failuresBeforeSuccess = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private String sha256;

  @BeforeEach
  void startServer() throws IOException {
    Path sample = Files.write(home.resolve("sample.txt"), CONTENT);
    sha256 = SourceLocator.sha256(sample);
    server =
        HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/files/order.txt",
        exchange -> {
          requests.incrementAndGet();
          if (failuresBeforeSuccess.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, CONTENT.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(CONTENT);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private SourceFile file(String url, String expectedSha256) {
    return new SourceFile(
        "order",
        List.of(SourceFile.Location.file("icd10/order.txt", expectedSha256)),
        url,
        true,
        true,
        "test file");
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/order.txt";
  }

  @Test
  void downloadsRetriesAfterAServerErrorAndChecksTheDigest() {
    failuresBeforeSuccess.set(1);
    SourceLocator locator = new SourceLocator(new OpenEncoderProperties(home, null));

    SourceLocator.Result result = locator.locate(file(url(), sha256), line -> {});

    assertThat(result.problem()).isNull();
    assertThat(result.file().sha256()).isEqualTo(sha256);
    assertThat(result.file().path()).isEqualTo(home.resolve("downloads/icd10/order.txt"));
    assertThat(requests.get()).isEqualTo(2);
    // The second time the file is on disk: no request.
    locator.locate(file(url(), sha256), line -> {});
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aFileWithTheWrongDigestIsRefused() {
    SourceLocator locator = new SourceLocator(new OpenEncoderProperties(home, null));

    SourceLocator.Result result = locator.locate(file(url(), WRONG_SHA256), line -> {});

    assertThat(result.file()).isNull();
    assertThat(result.problem()).contains("checksum mismatch", WRONG_SHA256, sha256);
  }

  @Test
  void offlineTheMessageNamesWhatToDownloadAndWhereToPutIt() {
    server.stop(0);
    SourceLocator locator = new SourceLocator(new OpenEncoderProperties(home, null));

    SourceLocator.Result result = locator.locate(file(url(), sha256), line -> {});

    assertThat(result.file()).isNull();
    assertThat(result.problem())
        .contains("could not download " + url())
        .contains(home.resolve("downloads/icd10/order.txt").toString())
        .contains("OPENENCODER_MIRROR");
  }

  @Test
  void withAMirrorNothingIsDownloadedAndAMissingFileIsNamed(@TempDir Path mirror) {
    SourceLocator locator = new SourceLocator(new OpenEncoderProperties(home, mirror));

    SourceLocator.Result result = locator.locate(file(url(), sha256), line -> {});

    assertThat(requests.get()).isZero();
    assertThat(result.problem()).contains("not in the mirror", "icd10/order.txt", url());
  }

  @Test
  void aFailedDownloadIsTriedOnceAndReportedOncePerUrl() {
    failuresBeforeSuccess.set(100);
    SourceLocator locator = new SourceLocator(new OpenEncoderProperties(home, null));

    SourceLocator.Result first = locator.locate(file(url(), sha256), line -> {});
    SourceLocator.Result second = locator.locate(file(url(), sha256), line -> {});

    assertThat(requests.get()).isEqualTo(3); // three attempts for the first file, none after
    assertThat(second.problem()).isEqualTo(first.problem()).contains("HTTP 503");
    assertThat(locator.failedDownloads()).containsOnlyKeys(url());
  }
}
