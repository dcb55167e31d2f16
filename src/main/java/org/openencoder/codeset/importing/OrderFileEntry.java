package org.openencoder.codeset.importing;

/**
 * One line of an ICD-10-CM or ICD-10-PCS order file.
 *
 * @param order the order number, the code's position in the tabular order
 * @param code the code without a dot, e.g. S52521A
 * @param billable true when valid for HIPAA-covered transactions, false for a header
 * @param line the 1-based line in the file
 */
record OrderFileEntry(
    int order, String code, boolean billable, String shortTitle, String longTitle, long line) {}
