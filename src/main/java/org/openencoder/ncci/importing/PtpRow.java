package org.openencoder.ncci.importing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One row of a Medicare NCCI PTP table as a file writes it.
 *
 * @param before1996 the "*=in existence prior to 1996" column: true for "*", false for empty, null
 *     when the file lacks the column
 * @param effective the Effective Date, or null when the file lacks the column
 * @param deleted the Deletion Date, or null for "*"
 * @param modifier the modifier indicator as printed: 0, 1 or 9
 * @param line the text line, 1-based
 */
record PtpRow(
    String column1,
    String column2,
    @Nullable Boolean before1996,
    @Nullable LocalDate effective,
    @Nullable LocalDate deleted,
    int modifier,
    String rationale,
    long line) {}
