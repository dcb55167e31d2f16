package org.openencoder.codeset.importing;

import java.util.List;

/**
 * A {@code <diag>} of the Tabular List: a category, subcategory or code.
 *
 * @param code as in the file, with its dot, e.g. "S52.521"
 * @param parent the code of the enclosing {@code <diag>}, or null for a category
 * @param chapter the name of the chapter it is in
 * @param section the id of the section it is in
 * @param depth 1 for a category, 2 for its subcategories, and so on
 * @param subcodes whether it has {@code <diag>} children; a code without them is a leaf
 * @param notes its own notes; notes of ancestors apply too but are not repeated here
 * @param seventhCharactersFrom the code of the nearest {@code <diag>}, itself included, that
 *     defines 7th characters, or null when none does
 * @param seventhCharacters that definition, or empty
 */
record TabularDiag(
    String code,
    String desc,
    String parent,
    String chapter,
    String section,
    int depth,
    boolean subcodes,
    TabularNotes notes,
    String seventhCharactersFrom,
    List<SeventhCharacter> seventhCharacters,
    long line) {

  TabularDiag {
    seventhCharacters = List.copyOf(seventhCharacters);
  }

  /**
   * The code completed with a 7th character, e.g. T07 and A give T07.XXXA, S52.521 and A give
   * S52.521A.
   */
  String withSeventhCharacter(char character) {
    if (seventhCharacters.stream().noneMatch(s -> s.character() == character)) {
      throw new IllegalArgumentException(code + " takes no 7th character " + character);
    }
    StringBuilder full = new StringBuilder(code.replace(".", ""));
    // Guideline I.A.5: the 7th character must always be the 7th character in the data field, so
    // a shorter code is filled with the placeholder X (Guideline I.A.4) up to six characters.
    while (full.length() < 6) {
      full.append('X');
    }
    full.append(character);
    return full.substring(0, 3) + "." + full.substring(3);
  }
}
