package org.openencoder.codeset.importing;

/**
 * A {@code <chapter>} of the Tabular List.
 *
 * @param name the chapter number as the file gives it, e.g. "19"
 * @param line the line of its start tag
 */
record TabularChapter(String name, String desc, TabularNotes notes, long line) {}
