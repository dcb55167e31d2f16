package org.openencoder.search;

/** A query that cannot be searched for, with a message a person can act on. */
public class InvalidSearchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidSearchException(String message) {
    super(message);
  }
}
