package org.openencoder.codeset.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** API errors as JSON with a message a person can act on. */
@RestControllerAdvice(assignableTypes = CodeApiController.class)
class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("status", e.getStatusCode().value(), "error", String.valueOf(e.getReason())));
  }
}
