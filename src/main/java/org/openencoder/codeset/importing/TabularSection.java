package org.openencoder.codeset.importing;

/**
 * A {@code <section>} (block of categories) of the Tabular List. Some sections only head others,
 * e.g. C00-C96 over C00-C75 over C00-C14, and hold no codes.
 *
 * @param id as in the file, e.g. "S50-S59" or "T07"
 * @param first the first category of the range
 * @param last the last category of the range; equal to {@code first} for a one-category section
 * @param chapter the name of the chapter it is in
 */
record TabularSection(
    String id,
    String desc,
    String first,
    String last,
    String chapter,
    TabularNotes notes,
    long line) {}
