package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.List;

/**
 * Public facts other data sets hold about a code (RVUs, MUE, add-on edits ...), each section cited
 * to its release. Modules that own such data provide one as a bean; code pages show them all.
 */
public interface CodeFactSource {

  /**
   * The sections this source holds for a code on a date of service (null: the newest release).
   * Returns an empty list when it holds nothing about the code.
   */
  List<FactSection> factsFor(CodeSystem system, String normalizedCode, LocalDate date);

  /** A titled group of facts from one release file. */
  record FactSection(String title, List<Fact> facts, Citation source, String note) {
    public FactSection {
      facts = List.copyOf(facts);
    }
  }

  /**
   * One fact.
   *
   * @param code a code the value names, linked on the page (system slug + code), or null
   */
  record Fact(String label, String value, String codeSystem, String code) {
    public static Fact of(String label, String value) {
      return new Fact(label, value, null, null);
    }
  }

  /** Where a fact came from: the file, its release and the period it is in force. */
  record Citation(
      String dataset, String release, String file, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** The same citation, pointing at one line (or spreadsheet row) of the file. */
    public Citation atLine(long line) {
      return new Citation(dataset, release, file + ", line " + line, effectiveFrom, effectiveTo);
    }

    public static Citation of(Release release, String role) {
      String file =
          release.files().stream()
              .filter(f -> f.role().equals(role) && f.present())
              .map(f -> f.member() != null ? f.member() + " in " + f.fileName() : f.fileName())
              .findFirst()
              .orElse(role);
      return new Citation(
          release.dataset(), release.title(), file, release.effectiveFrom(), release.effectiveTo());
    }
  }
}
