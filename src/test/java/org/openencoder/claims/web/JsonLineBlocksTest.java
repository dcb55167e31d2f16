package org.openencoder.claims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a JSON Lines body into blocks of whole claims, however its bytes arrive. */
class JsonLineBlocksTest {

  @Test
  void blankLinesDoNotCountAndTheLastLineNeedsNoNewline() throws IOException {
    assertThat(claims(bodyOf("{\"a\":1}\r\n\n   \n{\"b\":2}\r\n\t\n{\"c\":3}"), 1 << 16))
        .containsExactly("{\"a\":1}\r", "{\"b\":2}\r", "{\"c\":3}");
  }

  @Test
  void bytesArrivingOneAtATimeMakeTheSameClaims() throws IOException {
    StringBuilder body = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String claim = "{\"id\":\"c" + i + "\",\"lines\":[{\"code\":\"99213\"}]}";
      expected.add(claim);
      body.append(claim).append('\n');
    }

    assertThat(claims(bodyOf(body.toString()), 1)).containsExactlyElementsOf(expected);
  }

  @Test
  void aLineOverTheLimitIsOneClaimTooLongAndTheNextLineIsRead() throws IOException {
    String body = "x".repeat(JsonLineBlocks.MAX_CLAIM_BYTES + 10) + "\n{\"b\":2}\n";

    assertThat(claims(bodyOf(body), 4096)).containsExactly("(too long)", "{\"b\":2}");
  }

  private static byte[] bodyOf(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Every claim's text, reading at most {@code step} bytes a read. */
  private static List<String> claims(byte[] body, int step) throws IOException {
    InputStream in =
        new ByteArrayInputStream(body) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
          }
        };
    JsonLineBlocks blocks = new JsonLineBlocks(in);
    List<String> claims = new ArrayList<>();
    boolean idle = true;
    for (JsonLineBlocks.Block block = blocks.next(idle);
        block != null;
        block = blocks.next(idle = !idle)) {
      for (int i = 0; i < block.claims(); i++) {
        claims.add(
            block.tooLong(i)
                ? "(too long)"
                : new String(
                    block.bytes(), block.start(i), block.length(i), StandardCharsets.UTF_8));
      }
    }
    return claims;
  }
}
