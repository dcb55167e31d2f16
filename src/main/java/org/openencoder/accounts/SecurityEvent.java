package org.openencoder.accounts;

import java.time.Instant;

/** One line of the audit log of security events. */
public record SecurityEvent(
    long id, Instant at, String kind, Long accountId, String email, String ip, String detail) {}
