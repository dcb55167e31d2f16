package org.openencoder.codeset.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One term of the Table of Drugs and Chemicals or the Neoplasm Table that has cells or a
 * cross-reference.
 *
 * @param path the main term then each subterm down to this one, nonessential modifiers in their
 *     parentheses
 * @param codeByColumnHeading the cells that hold a code, keyed by their column heading (e.g.
 *     "Poisoning Accidental (unintentional)"), in column order; a code may end in "-" where the
 *     Tabular List needs more characters
 * @param see the {@code <see>} cross-reference, or null
 * @param seeAlso the {@code <seeAlso>} cross-reference, or null
 * @param manif the text of a {@code <manif>}, or null; in the FY2025 Neoplasm Table the only one
 *     holds a site phrase ("ventral surface of tongue and floor of mouth"), not a code
 * @param line the line of the term's start tag
 */
record TableRow(
    List<String> path,
    Map<String, String> codeByColumnHeading,
    String see,
    String seeAlso,
    String manif,
    long line) {

  TableRow {
    path = List.copyOf(path);
    codeByColumnHeading = Collections.unmodifiableMap(new LinkedHashMap<>(codeByColumnHeading));
  }
}
