package org.openencoder.claims.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A JSON Lines body cut into blocks of whole lines, as bytes: the claims of a block are found by
 * their line bounds, so that no line becomes a String and no block holds more than {@link
 * #BLOCK_BYTES} (or one claim of up to {@link #MAX_CLAIM_BYTES}). A longer line is skipped and
 * reported as one claim that is too long, so memory stays bounded whatever the body holds. Lines
 * end with {@code \n}; a {@code \r} before it is whitespace to the JSON parser.
 */
final class JsonLineBlocks {

  /**
   * About thirty five-line claims, whose results (some 3 KB a claim with its findings' messages and
   * citations) fit in a buffer of a few hundred kilobytes.
   */
  static final int BLOCK_BYTES = 16 * 1024;

  /** A five-line claim is about 500 bytes; fifty lines and every field stay far below this. */
  static final int MAX_CLAIM_BYTES = 1 << 20;

  /**
   * The claims of one block: non-blank lines, each {@code bytes[start, end)}, or a line that was
   * too long ({@code start == -1}).
   */
  record Block(byte[] bytes, int[] starts, int[] ends, int claims) {
    int start(int claim) {
      return starts[claim];
    }

    int length(int claim) {
      return ends[claim] - starts[claim];
    }

    boolean tooLong(int claim) {
      return starts[claim] < 0;
    }
  }

  private final InputStream in;
  private byte[] buffer = new byte[BLOCK_BYTES];
  private int length;

  /** Bytes before this are known to hold no newline after the last complete line. */
  private int scanned;

  private int lastNewline = -1;
  private boolean ended;

  /** Inside a line that was too long, reading to its end. */
  private boolean skipping;

  JsonLineBlocks(InputStream in) {
    this.in = in;
  }

  /**
   * The next block, or null at the end of the body.
   *
   * @param idle when true, the lines read so far make a block without waiting for more bytes than
   *     the body has ready, so the first results do not wait for a full block
   */
  @Nullable Block next(boolean idle) throws IOException {
    while (true) {
      if (skipping) {
        // The too-long line ends at the first newline; what follows is the next claim.
        int end = firstNewline();
        if (end >= 0) {
          skipping = false;
          keepAfter(end + 1);
          continue;
        }
        if (ended) {
          return null;
        }
        length = 0;
      } else {
        scan();
        if (lastNewline >= 0
            && (length == buffer.length || ended || (idle && in.available() == 0))) {
          Block block = cut(lastNewline + 1);
          if (block.claims() > 0) {
            return block;
          }
          continue;
        }
        if (ended) {
          Block block = length > 0 ? cut(length) : null;
          return block == null || block.claims() == 0 ? null : block;
        }
        if (length == buffer.length) {
          if (buffer.length >= MAX_CLAIM_BYTES) {
            skipping = true;
            length = 0;
            scanned = 0;
            return new Block(new byte[0], new int[] {-1}, new int[] {-1}, 1);
          }
          buffer = Arrays.copyOf(buffer, Math.min(2 * buffer.length, MAX_CLAIM_BYTES));
        }
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        ended = true;
      } else {
        length += read;
      }
    }
  }

  private int firstNewline() {
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void scan() {
    for (int i = length - 1; i >= scanned; i--) {
      if (buffer[i] == '\n') {
        lastNewline = i;
        break;
      }
    }
    scanned = length;
  }

  /** The lines in {@code buffer[0, end)} as a block; the bytes after go to a new buffer. */
  private Block cut(int end) {
    byte[] bytes = buffer;
    int[] starts = new int[64];
    int[] ends = new int[64];
    int claims = 0;
    int lineStart = 0;
    while (lineStart < end) {
      int lineEnd = lineStart;
      while (lineEnd < end && bytes[lineEnd] != '\n') {
        lineEnd++;
      }
      if (!blank(bytes, lineStart, lineEnd)) {
        if (claims == starts.length) {
          starts = Arrays.copyOf(starts, 2 * claims);
          ends = Arrays.copyOf(ends, 2 * claims);
        }
        starts[claims] = lineStart;
        ends[claims] = lineEnd;
        claims++;
      }
      lineStart = lineEnd + 1;
    }
    keepAfter(end);
    return new Block(bytes, starts, ends, claims);
  }

  /** Starts a new buffer with the bytes after {@code end} (the start of the next line). */
  private void keepAfter(int end) {
    byte[] next = new byte[Math.max(BLOCK_BYTES, length - end)];
    System.arraycopy(buffer, end, next, 0, length - end);
    buffer = next;
    length -= end;
    scanned = 0;
    lastNewline = -1;
  }

  private static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
