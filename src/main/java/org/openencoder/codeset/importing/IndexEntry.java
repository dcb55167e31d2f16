package org.openencoder.codeset.importing;

import java.util.List;

/**
 * One term of an ICD-10-CM index that leads somewhere: to a code, to another term, or to a category
 * of the Tabular List.
 *
 * @param letter the title of the {@code <letter>} it is filed under
 * @param path the main term then each subterm down to this one; nonessential modifiers stay in
 *     their parentheses, e.g. [Diabetes, diabetic (mellitus) (sugar), with, autonomic
 *     (poly)neuropathy]
 * @param code the {@code <code>}, or null; as printed, so it may end in "-" where more characters
 *     are needed
 * @param manifestationCode the {@code <manif>} printed in brackets after the code, or null
 * @param see the {@code <see>} cross-reference, or null
 * @param seeAlso the {@code <seeAlso>} cross-reference, or null
 * @param seeCategory the {@code <seecat>}, printed "see category T71", or null
 * @param seeSubcategory the {@code <subcat>}, printed "see subcategory T75.0", or null
 * @param line the line of the term's start tag
 */
record IndexEntry(
    String letter,
    List<String> path,
    String code,
    String manifestationCode,
    String see,
    String seeAlso,
    String seeCategory,
    String seeSubcategory,
    long line) {

  IndexEntry {
    path = List.copyOf(path);
  }
}
