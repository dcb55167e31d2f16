package org.openencoder.accounts;

import java.util.Map;

/** A form a person filled in wrongly: messages by field, shown beside each field (400). */
public class InvalidAccountInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> fieldErrors;

  public InvalidAccountInput(Map<String, String> fieldErrors) {
    super(String.join("; ", fieldErrors.values()));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
