package org.openencoder.codeset.importing;

import java.util.List;

/**
 * One {@code <extension>} of a {@code <sevenChrDef>}.
 *
 * @param inclusionTerms the {@code <note>}s the file places right after this extension, e.g.
 *     "initial encounter for open fracture NOS" after S52's B; they say what else the character
 *     covers
 */
record SeventhCharacter(char character, String meaning, List<String> inclusionTerms) {

  SeventhCharacter {
    inclusionTerms = List.copyOf(inclusionTerms);
  }
}
