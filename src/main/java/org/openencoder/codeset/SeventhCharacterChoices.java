package org.openencoder.codeset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.CodePage.SeventhCharacters;
import org.openencoder.codeset.CodePage.SeventhChoice;
import org.openencoder.codeset.Icd10CmDetail.SeventhCharacterDefinition;

/** The 7th-character choices of an ICD-10-CM code, and the full codes they make. */
final class SeventhCharacterChoices {

  private SeventhCharacterChoices() {}

  /**
   * The 7th characters a code takes: from the nearest Tabular List definition when the release has
   * its Tabular List, otherwise from the full codes its order file lists below the code.
   */
  static SeventhCharacters of(
      CodeCatalog catalog,
      CodeEntry entry,
      List<CodeEntry> lineage,
      Map<String, Icd10CmDetail> details) {
    String code = entry.code();
    if (code.length() >= 7 || entry.billable()) {
      return null;
    }
    // Guideline I.A.5: a code shorter than six characters is padded with the placeholder X so
    // the 7th character stays in the 7th position (T07 -> T07.XXXA).
    String stem = (code + "XXXX").substring(0, 6);
    for (int i = lineage.size() - 1; i >= 0; i--) {
      Icd10CmDetail detail = details.get(lineage.get(i).code());
      if (detail != null && !detail.seventhCharacters().isEmpty()) {
        List<SeventhChoice> choices = new ArrayList<>();
        for (SeventhCharacterDefinition def : detail.seventhCharacters()) {
          String full = stem + def.character();
          choices.add(
              new SeventhChoice(
                  def.character(),
                  def.meaning(),
                  full,
                  CodeSystem.ICD10CM.display(full),
                  catalog.get(full).isPresent()));
        }
        if (choices.stream().noneMatch(SeventhChoice::valid)) {
          return null; // a subcategory with further subdivisions: the 7th goes on its children
        }
        return new SeventhCharacters(
            CodeSystem.ICD10CM.display(code),
            CodeSystem.ICD10CM.display(lineage.get(i).code()),
            "Tabular List",
            code.length() < 6,
            choices);
      }
    }
    List<SeventhChoice> derived = new ArrayList<>();
    for (CodeEntry candidate : catalog.range(stem, stem + Character.MAX_VALUE, 40)) {
      if (candidate.code().length() == 7) {
        String meaning = candidate.title();
        if (meaning.startsWith(entry.title() + ", ")) {
          meaning = meaning.substring(entry.title().length() + 2);
        }
        derived.add(
            new SeventhChoice(
                candidate.code().substring(6),
                meaning,
                candidate.code(),
                CodeSystem.ICD10CM.display(candidate.code()),
                true));
      }
    }
    if (derived.isEmpty()) {
      return null;
    }
    return new SeventhCharacters(
        CodeSystem.ICD10CM.display(code),
        CodeSystem.ICD10CM.display(code),
        "order file titles (the Tabular List of this release is not loaded)",
        code.length() < 6,
        derived);
  }
}
