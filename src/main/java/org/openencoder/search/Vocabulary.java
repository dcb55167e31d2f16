package org.openencoder.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
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
 *
 * <p>The Alphabetic Index itself is not in the mirror (see its MANIFEST: neither the FY2026 nor the
 * FY2025 index XML could be had), so the defaults it prints ("Arthritis, rheumatoid M06.9") are
 * approximated from the titles: a code titled "Rheumatoid arthritis, unspecified" is the code for
 * "rheumatoid arthritis" when nothing more is said (convention I.A.9: "unspecified" codes are the
 * NOS codes the Index leads to), and so is "Type 2 diabetes mellitus without complications" for
 * "type 2 diabetes mellitus".
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
    CodeCatalog newest =
        codeSets
            .newestWithCodes(CodeSystem.ICD10CM.dataset())
            .flatMap(release -> codeSets.catalog(release.id()))
            .orElse(null);
    if (newest != null) {
      String source = "default (title less 'unspecified'), " + newest.release().title();
      for (CodeEntry entry : newest.entries()) {
        if (entry.billable()) {
          defaultTerm(entry.title())
              .ifPresent(
                  term ->
                      vocabulary.add(vocabulary.cmByCode, entry.code(), new Term(term, source)));
        }
      }
    }
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
          term ->
              vocabulary.add(
                  leadsBeyond(newest, term.code()) ? vocabulary.cmByPrefix : vocabulary.cmByCode,
                  term.code(),
                  cmTerm(term, release)));
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

  /**
   * Whether an index or table cell names a category rather than a code: the tables print "C50.9-"
   * and "D05.-" where the Tabular List completes the code (convention I.A.6), so the term leads to
   * every code under it, as the Tabular's own inclusion terms do.
   */
  private static boolean leadsBeyond(CodeCatalog newest, String code) {
    if (newest == null) {
      return false;
    }
    return newest.get(code).map(entry -> !entry.billable()).orElse(true);
  }

  // The words a title adds for the case where the record says no more: "Unspecified …",
  // "…, unspecified", "…, unspecified ear", "… without complications", "…, uncomplicated", and
  // the Tabular's other NOS forms, which are the Index's defaults: "…, not specified as acute or
  // chronic" (Bronchitis J40), "…, not intractable, without status epilepticus" (Epilepsy
  // G40.909), "…, without obstruction or gangrene" (Hernia, inguinal K40.90).
  private static final Pattern LEADING_DEFAULT = Pattern.compile("^Unspecified ");
  private static final Pattern TRAILING_DEFAULT =
      Pattern.compile(
          ",? (without complications|uncomplicated|unspecified( \\w+)?|not specified as [\\w' ]+"
              + "|not intractable|without status (migrainosus|epilepticus)"
              + "|without (obstruction or )?gangrene)$");

  /**
   * The condition a default code is the code for: "Rheumatoid arthritis" for "Rheumatoid arthritis,
   * unspecified", "otitis externa" for "Unspecified otitis externa, unspecified ear". Titles of an
   * injury's encounter or sequela, and residual "Other …" codes, have none.
   */
  static Optional<String> defaultTerm(String title) {
    if (title == null || title.contains("encounter") || title.contains("sequela")) {
      return Optional.empty();
    }
    String term = title;
    for (String before = ""; !before.equals(term); ) {
      before = term;
      term = LEADING_DEFAULT.matcher(term).replaceFirst("");
      term = TRAILING_DEFAULT.matcher(term).replaceFirst("");
    }
    term = term.strip();
    if (term.equals(title)
        || term.isEmpty()
        || term.startsWith("Other")
        || term.endsWith(" or")
        || term.contains("unspecified")) {
      return Optional.empty();
    }
    return Optional.of(term);
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
