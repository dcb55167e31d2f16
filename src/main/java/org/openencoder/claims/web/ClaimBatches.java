package org.openencoder.claims.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimChecker;
import org.openencoder.claims.InvalidClaimException;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.codeset.MalformedFileException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a batch of claims on every core and answers in input order. The request thread reads the
 * body into blocks of whole claims; a pool of one thread per core parses, checks and writes each
 * block's result lines; between reads, the request thread sends the results of every block that is
 * done and has no unfinished block before it, so results keep input order. At most {@link
 * #inFlight} blocks of a request are read ahead (the request thread waits for the oldest when there
 * are that many), so a batch of any size holds a few hundred kilobytes, and the first results leave
 * while the body still comes in.
 */
@Component
class ClaimBatches implements DisposableBean {

  /** The pool's threads are named for what they do, as a thread dump shows them. */
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** CSV claims a block: the rows are parsed on the request thread, the claims on the pool. */
  private static final int CSV_BLOCK = 128;

  /**
   * A block's results to start with: a block of five-line claims writes about 100 KB (3 KB of
   * findings a claim), so it seldom grows the buffer, and stays under half a G1 region (512 KB with
   * a 2 GB heap), above which every array is "humongous" and can start a concurrent cycle.
   */
  private static final int RESULT_BYTES = 128 * 1024;

  /** Each pool thread's shared code strings (see {@link ClaimJson.CodeStrings}). */
  private static final ThreadLocal<ClaimJson.CodeStrings> CODE_STRINGS =
      ThreadLocal.withInitial(ClaimJson.CodeStrings::new);

  /** Each pool thread's encoded shared texts (see {@link BatchResultJson.SharedTexts}). */
  private static final ThreadLocal<BatchResultJson.SharedTexts> SHARED_TEXTS =
      ThreadLocal.withInitial(BatchResultJson.SharedTexts::new);

  private final ClaimChecker checker;
  private final JsonMapper json;
  private final ObjectWriter resultLines;
  private final ExecutorService pool;
  private final int inFlight;

  ClaimBatches(ClaimChecker checker, JsonMapper json) {
    this.checker = checker;
    this.json = json;
    // JSON Lines: one result object a line.
    this.resultLines = json.writer().withRootValueSeparator("\n");
    int threads = Runtime.getRuntime().availableProcessors();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "claim-batch-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // Enough to keep every core busy while the request thread sends one block and reads another.
    this.inFlight = 2 * threads + 2;
  }

  /** One claim object a line; blank lines are skipped and do not count. */
  void jsonLines(InputStream in, OutputStream out) throws IOException {
    JsonLineBlocks blocks = new JsonLineBlocks(in);
    int[] number = {0};
    run(
        idle -> {
          JsonLineBlocks.Block block = blocks.next(idle);
          if (block == null) {
            return null;
          }
          int first = number[0] + 1;
          number[0] += block.claims();
          return results -> jsonLines(block, first, results);
        },
        out);
  }

  /** Claims from CSV rows (see {@link ClaimCsv}), a block of claims at a time. */
  void csv(Reader in, OutputStream out) throws IOException {
    ClaimCsv claims;
    try {
      claims = new ClaimCsv(in, json);
    } catch (IllegalArgumentException | MalformedFileException e) {
      String message = e.getMessage();
      run(idle -> null, out, results -> fileError(results, 0, message));
      return;
    }
    int[] number = {0};
    boolean[] ended = {false};
    run(
        idle -> {
          if (ended[0]) {
            return null;
          }
          int first = number[0] + 1;
          List<ClaimCsv.CsvClaim> block = new ArrayList<>(CSV_BLOCK);
          String failure = null;
          while (block.size() < CSV_BLOCK) {
            ClaimCsv.CsvClaim claim;
            try {
              claim = claims.next();
            } catch (MalformedFileException e) {
              failure = e.getMessage();
              ended[0] = true;
              break;
            }
            if (claim == null) {
              ended[0] = true;
              break;
            }
            block.add(claim);
          }
          number[0] += block.size();
          if (block.isEmpty() && failure == null) {
            return null;
          }
          String fileFailure = failure;
          return results -> {
            csv(block, first, results);
            if (fileFailure != null) {
              fileError(results, first + block.size(), fileFailure);
            }
          };
        },
        out);
  }

  /** The work of one block: its result lines. Runs on the pool. */
  private interface Block {
    void write(JsonGenerator results);
  }

  /** The next block of the body; idle says no block is being checked, so a short one is fine. */
  private interface Blocks {
    @Nullable Block next(boolean idle) throws IOException;
  }

  private void run(Blocks blocks, OutputStream out, Block... first) throws IOException {
    ArrayDeque<Future<ByteArrayOutputStream>> pending = new ArrayDeque<>();
    try {
      for (Block block : first) {
        pending.add(pool.submit(() -> results(block)));
      }
      for (Block block = blocks.next(pending.isEmpty());
          block != null;
          block = blocks.next(pending.isEmpty())) {
        Block submitted = block;
        pending.add(pool.submit(() -> results(submitted)));
        while (!pending.isEmpty() && (pending.size() >= inFlight || pending.peek().isDone())) {
          send(pending.poll(), out);
        }
      }
      while (!pending.isEmpty()) {
        send(pending.poll(), out);
      }
    } finally {
      // The client went away or a block failed: the blocks read ahead are not needed.
      for (Future<ByteArrayOutputStream> block : pending) {
        block.cancel(false);
      }
    }
  }

  private ByteArrayOutputStream results(Block block) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(RESULT_BYTES);
    try (JsonGenerator results = resultLines.createGenerator(buffer)) {
      block.write(results);
    }
    if (buffer.size() > 0) {
      buffer.write('\n');
    }
    return buffer;
  }

  private static void send(Future<ByteArrayOutputStream> block, OutputStream out)
      throws IOException {
    ByteArrayOutputStream results;
    try {
      results = block.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking a batch");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    results.writeTo(out);
    // Each block goes out as it is done, so a client sees results while it still sends claims.
    out.flush();
  }

  private void jsonLines(JsonLineBlocks.Block block, int first, JsonGenerator results) {
    for (int i = 0; i < block.claims(); i++) {
      int number = first + i;
      if (block.tooLong(i)) {
        BatchResultJson.errors(
            results,
            number,
            null,
            List.of(
                new FieldError(
                    "",
                    "a claim line is at most "
                        + JsonLineBlocks.MAX_CLAIM_BYTES / 1024
                        + " KB; this one is longer")));
        continue;
      }
      ClaimJson.Read read;
      try (JsonParser parser = json.createParser(block.bytes(), block.start(i), block.length(i))) {
        read = ClaimJson.readBatchClaim(parser, CODE_STRINGS.get());
      }
      if (read.claim() == null) {
        BatchResultJson.errors(results, number, read.id(), read.errors());
      } else {
        checked(results, number, read.id(), read.claim(), null);
      }
    }
  }

  private void csv(List<ClaimCsv.CsvClaim> claims, int first, JsonGenerator results) {
    for (int i = 0; i < claims.size(); i++) {
      ClaimCsv.CsvClaim claim = claims.get(i);
      Claim read;
      try {
        read = ClaimJson.read(claim.json());
      } catch (InvalidClaimException e) {
        BatchResultJson.errors(results, first + i, claim.id(), fromRow(e.errors(), claim.row()));
        continue;
      }
      checked(results, first + i, claim.id(), read, claim.row());
    }
  }

  private void checked(
      JsonGenerator results, int number, @Nullable String id, Claim claim, @Nullable Long row) {
    try {
      BatchResultJson.findings(results, number, id, checker.check(claim), SHARED_TEXTS.get());
    } catch (InvalidClaimException e) {
      BatchResultJson.errors(
          results, number, id, row == null ? e.errors() : fromRow(e.errors(), row));
    }
  }

  private static List<FieldError> fromRow(List<FieldError> errors, long row) {
    return errors.stream()
        .map(
            error ->
                new FieldError(error.field(), error.message() + " (claim from row " + row + ")"))
        .toList();
  }

  private static void fileError(JsonGenerator results, int number, String message) {
    BatchResultJson.errors(results, number, null, List.of(new FieldError("", message)));
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
