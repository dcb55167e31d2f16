package org.openencoder.accounts;

import java.time.Instant;

/** How many distinct code pages a meter opened in one period. */
public record Usage(String meter, Instant periodStart, int used) {}
