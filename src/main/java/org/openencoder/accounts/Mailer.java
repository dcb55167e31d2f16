package org.openencoder.accounts;

/** Sends an account email (verification, password reset, notices). Outside service: SMTP. */
public interface Mailer {

  /**
   * Queues a plain-text email and returns at once: every request that may send mail then takes the
   * same time whether or not it did, so timing does not tell which emails have accounts.
   */
  void send(String to, String subject, String body);
}
