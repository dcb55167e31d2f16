package org.openencoder.claims;

import java.util.List;
import java.util.stream.Collectors;

/** A claim that cannot be checked, with every field that is wrong and why. */
public class InvalidClaimException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public InvalidClaimException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidClaimException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The same errors with their field names under a parent field: "units" → "lines[2].units". */
  public InvalidClaimException under(String parent) {
    return new InvalidClaimException(
        errors.stream()
            .map(
                e ->
                    new FieldError(
                        parent + (e.field().isEmpty() ? "" : "." + e.field()), e.message()))
            .toList());
  }

  /** One wrong field, named by its path in the claim JSON ("lines[1].units"). */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
