package org.openencoder.codeset.importing;

import java.util.List;

/**
 * The instructional notes the Tabular List attaches to a chapter, section or code, one list per
 * note element, each entry one {@code <note>} in file order. When an element occurs twice under one
 * owner (some codes carry two {@code <useAdditionalCode>} blocks) their notes are joined in file
 * order.
 *
 * @param sevenChrDef the 7th characters defined here; empty for chapters and sections
 */
record TabularNotes(
    List<String> inclusionTerm,
    List<String> includes,
    List<String> excludes1,
    List<String> excludes2,
    List<String> codeFirst,
    List<String> useAdditionalCode,
    List<String> codeAlso,
    List<String> notes,
    List<String> sevenChrNote,
    List<SeventhCharacter> sevenChrDef) {

  TabularNotes {
    inclusionTerm = List.copyOf(inclusionTerm);
    includes = List.copyOf(includes);
    excludes1 = List.copyOf(excludes1);
    excludes2 = List.copyOf(excludes2);
    codeFirst = List.copyOf(codeFirst);
    useAdditionalCode = List.copyOf(useAdditionalCode);
    codeAlso = List.copyOf(codeAlso);
    notes = List.copyOf(notes);
    sevenChrNote = List.copyOf(sevenChrNote);
    sevenChrDef = List.copyOf(sevenChrDef);
  }
}
