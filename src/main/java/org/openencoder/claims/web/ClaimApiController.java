package org.openencoder.claims.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimChecker;
import org.openencoder.claims.Finding;
import org.openencoder.claims.InvalidClaimException;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.MalformedFileException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim checker as JSON: one claim, or a batch as JSON Lines or CSV whose results stream back
 * one line per claim as they are checked.
 */
@RestController
@RequestMapping("/api/v1/claims")
class ClaimApiController {

  static final String JSON_LINES = "application/x-ndjson";

  /** Result lines written between flushes of the response. */
  private static final int FLUSH_EVERY = 256;

  private final ClaimChecker checker;
  private final CodeSets codeSets;
  private final JsonMapper json;
  private final ObjectWriter resultWriter;

  ClaimApiController(ClaimChecker checker, CodeSets codeSets, JsonMapper json) {
    this.checker = checker;
    this.codeSets = codeSets;
    this.json = json;
    this.resultWriter = json.writerFor(BatchResult.class);
  }

  /** The findings for one claim; 400 with every wrong field when the claim cannot be checked. */
  @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, List<Finding>> check(@RequestBody(required = false) byte @Nullable [] body) {
    requireReady();
    if (body == null || body.length == 0) {
      throw new InvalidClaimException("", "the request body is the claim as JSON");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidClaimException("", "not valid JSON: " + e.getOriginalMessage());
    }
    return Map.of("findings", checker.check(ClaimJson.read(node)));
  }

  /**
   * Many claims, as JSON Lines (one claim object a line) or CSV (see {@link ClaimCsv}). Each claim
   * gets one result line, {@code {"claim":n,"findings":[...]}} or {@code
   * {"claim":n,"errors":[...]}}, written as it is checked: a bad claim gets its errors and the
   * batch goes on.
   */
  @PostMapping(
      path = "/check/batch",
      consumes = {JSON_LINES, "application/jsonl", "application/json-lines", "text/csv"})
  void batch(
      InputStream in,
      @RequestHeader("Content-Type") String contentType,
      HttpServletResponse response)
      throws IOException {
    requireReady();
    response.setContentType(JSON_LINES);
    response.setCharacterEncoding("UTF-8");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
      if (contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
        csv(reader, out);
      } else {
        jsonLines(reader, out);
      }
    }
  }

  private void jsonLines(BufferedReader reader, OutputStream out) throws IOException {
    int number = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      number++;
      String id = null;
      BatchResult result;
      try {
        JsonNode node = json.readTree(line);
        JsonNode idNode = node.get("id");
        id = idNode == null || idNode.isNull() ? null : idNode.asString();
        result = checked(number, id, ClaimJson.read(node));
      } catch (JacksonException e) {
        result =
            failed(
                number,
                id,
                List.of(new FieldError("", "not valid JSON: " + e.getOriginalMessage())));
      } catch (InvalidClaimException e) {
        result = failed(number, id, e.errors());
      }
      write(out, result);
    }
  }

  private void csv(BufferedReader reader, OutputStream out) throws IOException {
    ClaimCsv claims;
    try {
      claims = new ClaimCsv(reader, json);
    } catch (IllegalArgumentException | MalformedFileException e) {
      write(out, failed(0, null, List.of(new FieldError("", e.getMessage()))));
      return;
    }
    int number = 0;
    while (true) {
      ClaimCsv.CsvClaim claim;
      try {
        claim = claims.next();
      } catch (MalformedFileException e) {
        write(out, failed(number + 1, null, List.of(new FieldError("", e.getMessage()))));
        return;
      }
      if (claim == null) {
        return;
      }
      number++;
      BatchResult result;
      try {
        result = checked(number, claim.id(), ClaimJson.read(claim.json()));
      } catch (InvalidClaimException e) {
        result =
            failed(
                number,
                claim.id(),
                e.errors().stream()
                    .map(
                        error ->
                            new FieldError(
                                error.field(),
                                error.message() + " (claim from row " + claim.row() + ")"))
                    .toList());
      }
      write(out, result);
    }
  }

  private BatchResult checked(int number, @Nullable String id, Claim claim) {
    return new BatchResult(number, id, checker.check(claim), null);
  }

  private static BatchResult failed(int number, @Nullable String id, List<FieldError> errors) {
    return new BatchResult(number, id, null, errors);
  }

  private void write(OutputStream out, BatchResult result) throws IOException {
    resultWriter.writeValue(new NonClosing(out), result);
    out.write('\n');
    // Results go out in blocks rather than one network write per claim.
    if (result.claim() % FLUSH_EVERY == 0) {
      out.flush();
    }
  }

  private void requireReady() {
    if (!codeSets.ready()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "The code sets are still loading; try again shortly.");
    }
  }

  @ExceptionHandler(InvalidClaimException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidClaimException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("status", 400, "error", "The claim cannot be checked", "errors", e.errors()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("status", e.getStatusCode().value(), "error", String.valueOf(e.getReason())));
  }

  /**
   * One line of a batch's results.
   *
   * @param claim the claim's 1-based position in the batch
   * @param id the claim's own id (CSV column {@code claim}, JSON field {@code id}), if it has one
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchResult(
      int claim,
      @Nullable String id,
      @Nullable List<Finding> findings,
      @Nullable List<FieldError> errors) {}

  /** Jackson closes the stream it writes a value to; the batch goes on writing to it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {
      // Jackson flushes after each value; the batch flushes in blocks instead.
    }

    @Override
    public void close() {
      // The batch goes on writing; the response is flushed in blocks and closed at the end.
    }
  }
}
