package org.openencoder.claims.web;

import jakarta.servlet.http.HttpServletResponse;
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
import org.openencoder.codeset.CodeSets;
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
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim checker as JSON: one claim, or a batch as JSON Lines or CSV whose results stream back
 * one line per claim as they are checked.
 */
@RestController
@RequestMapping("/api/v1/claims")
class ClaimApiController {

  static final String JSON_LINES = "application/x-ndjson";

  private final ClaimChecker checker;
  private final ClaimBatches batches;
  private final CodeSets codeSets;
  private final JsonMapper json;

  ClaimApiController(
      ClaimChecker checker, ClaimBatches batches, CodeSets codeSets, JsonMapper json) {
    this.checker = checker;
    this.batches = batches;
    this.codeSets = codeSets;
    this.json = json;
  }

  /** The findings for one claim; 400 with every wrong field when the claim cannot be checked. */
  @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, List<Finding>> check(@RequestBody(required = false) byte @Nullable [] body) {
    requireReady();
    if (body == null || body.length == 0) {
      throw new InvalidClaimException("", "the request body is the claim as JSON");
    }
    Claim claim;
    try (JsonParser parser = json.createParser(body)) {
      claim = ClaimJson.read(parser);
    } catch (JacksonException e) {
      throw new InvalidClaimException("", "not valid JSON: " + e.getOriginalMessage());
    }
    return Map.of("findings", checker.check(claim));
  }

  /**
   * Many claims, as JSON Lines (one claim object a line) or CSV (see {@link ClaimCsv}). Each claim
   * gets one result line, {@code {"claim":n,"findings":[...]}} or {@code
   * {"claim":n,"errors":[...]}}, written as it is checked: a bad claim gets its errors and the
   * batch goes on. Results stream back in input order while the body is still read (see {@link
   * ClaimBatches}).
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
    try (OutputStream out = response.getOutputStream()) {
      if (contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
        // CsvRecords reads a character at a time.
        batches.csv(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), out);
      } else {
        batches.jsonLines(in, out);
      }
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
}
