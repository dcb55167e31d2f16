package org.openencoder.search;

/**
 * One code found.
 *
 * @param system the code system's slug
 * @param code as printed in the code book (ICD-10-CM with its dot)
 * @param title the long title; empty for CPT without a licence
 * @param matchedOn "code", "title" or "title (fuzzy)"
 */
public record SearchHit(
    String system, String code, String title, boolean billable, float score, String matchedOn) {}
