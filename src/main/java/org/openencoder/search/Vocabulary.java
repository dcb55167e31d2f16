package org.openencoder.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Icd10CmDetail.NoteKind;
import org.openencoder.codeset.IndexTerm;
import org.openencoder.codeset.Release;

/**
 * The words the official books give for a code besides its title: Tabular List inclusion terms and
 * the index terms and table rows that lead to it. They are words to find a code by, not facts about
 * it, so they are gathered from every active release of the code system: the FY2025 External Cause
 * Index finds an FY2026 code, whose page still shows only its own release's facts.
 */
final class Vocabulary {

  /** One term and where it is printed, e.g. "Attack, heart" in "ICD-10-CM Index FY2025". */
  record Term(String text, String source) {

    /** How a result names it: "index term 'Attack, heart' (…)". */
    String describe() {
      return source + " '" + text + "'";
    }
  }

  // ICD-10-PCS Index entries name a table row (0DTJ): every code of the row is reachable by it.
  private final Map<String, List<Term>> pcsByPrefix = new HashMap<>();
  private final Map<String, List<Term>> cmByCode = new HashMap<>();
  private final Map<String, List<Term>> cmByPrefix = new HashMap<>();

  static Vocabulary gather(CodeSets codeSets) {
    Vocabulary vocabulary = new Vocabulary();
    for (Release release : codeSets.activeReleases(CodeSystem.ICD10CM.dataset())) {
      // Inclusion terms and Includes notes printed at a category or subcategory hold for every
      // code under it (ICD-10-CM conventions I.A.11 and I.A.12): they reach the codes by prefix.
      for (NoteKind kind : List.of(NoteKind.INCLUSION_TERM, NoteKind.INCLUDES)) {
        String source =
            (kind == NoteKind.INCLUDES ? "Includes note" : "inclusion term")
                + ", Tabular List "
                + release.title();
        codeSets
            .tabularNotes(release.id(), kind)
            .forEach(
                (code, terms) -> {
                  for (String term : terms) {
                    vocabulary.add(vocabulary.cmByPrefix, code, new Term(term, source));
                  }
                });
      }
      codeSets.forEachIndexTerm(
          release.id(),
          term -> vocabulary.add(vocabulary.cmByCode, term.code(), cmTerm(term, release)));
    }
    for (Release release : codeSets.activeReleases(CodeSystem.ICD10PCS.dataset())) {
      codeSets.forEachIndexTerm(
          release.id(),
          term ->
              vocabulary.add(
                  vocabulary.pcsByPrefix,
                  term.code(),
                  new Term(
                      String.join(", ", term.path()),
                      "index term, " + term.sourceName() + " " + release.title())));
    }
    return vocabulary;
  }

  private static Term cmTerm(IndexTerm term, Release release) {
    String text = String.join(", ", term.path());
    if (term.column() != null) {
      // A table cell: the row's substance or site with the column's meaning ("Poisoning,
      // Accidental (unintentional)", "Malignant Primary").
      text = text + ", " + term.column();
    }
    return new Term(text, "index term, " + term.sourceName() + " " + release.title());
  }

  private void add(Map<String, List<Term>> map, String code, Term term) {
    List<Term> terms = map.computeIfAbsent(code, c -> new ArrayList<>(2));
    if (!terms.contains(term)) {
      terms.add(term);
    }
  }

  /**
   * The terms of one code. An ICD-10-CM table cell often gives a code without its 7th character
   * (T39.1X1-): the terms of the 6 characters reach each full code.
   */
  List<Term> termsOf(CodeSystem system, String code) {
    Set<Term> terms = new LinkedHashSet<>();
    switch (system) {
      case ICD10CM -> {
        terms.addAll(cmByCode.getOrDefault(code, List.of()));
        if (code.length() == 7) {
          terms.addAll(cmByCode.getOrDefault(code.substring(0, 6), List.of()));
        }
        for (int length = 3; length <= code.length(); length++) {
          terms.addAll(cmByPrefix.getOrDefault(code.substring(0, length), List.of()));
        }
      }
      case ICD10PCS -> {
        for (int length = 3; length <= code.length(); length++) {
          terms.addAll(pcsByPrefix.getOrDefault(code.substring(0, length), List.of()));
        }
      }
      default -> {}
    }
    return List.copyOf(terms);
  }
}
