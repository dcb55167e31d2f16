package org.openencoder.codeset;

import java.util.List;
import java.util.Map;

/**
 * What the Tabular List says of one ICD-10-CM code, as stored with the code.
 *
 * @param notes instructional notes by kind ({@link NoteKind}), each in file order
 * @param seventhCharacters the 7th characters this entry defines (not inherited ones)
 */
public record Icd10CmDetail(
    String chapter,
    String chapterTitle,
    String section,
    String sectionTitle,
    Map<String, List<String>> notes,
    List<SeventhCharacterDefinition> seventhCharacters) {

  /** One 7th character a category defines, with the inclusion notes the file puts under it. */
  public record SeventhCharacterDefinition(
      String character, String meaning, List<String> inclusionTerms) {}

  /** The kinds of Tabular List notes, in the order the code books print them. */
  public enum NoteKind {
    NOTES("notes", "Note"),
    INCLUSION_TERM("inclusionTerm", "Inclusion terms"),
    INCLUDES("includes", "Includes"),
    EXCLUDES1("excludes1", "Excludes1"),
    EXCLUDES2("excludes2", "Excludes2"),
    CODE_FIRST("codeFirst", "Code first"),
    USE_ADDITIONAL_CODE("useAdditionalCode", "Use additional code"),
    CODE_ALSO("codeAlso", "Code also"),
    SEVEN_CHR_NOTE("sevenChrNote", "7th character");

    private final String key;
    private final String label;

    NoteKind(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public String key() {
      return key;
    }

    public String label() {
      return label;
    }
  }
}
