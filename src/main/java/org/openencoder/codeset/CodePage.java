package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.List;
import org.openencoder.codeset.CodeFactSource.FactSection;
import org.openencoder.codeset.Release.SourceFileRecord;

/**
 * Everything OpenEncoder holds about one code on a date of service, each part with its source. The
 * web page and {@code GET /api/v1/codes/{system}/{code}} show the same record.
 */
public record CodePage(
    String system,
    String systemName,
    String requested,
    String code,
    String displayCode,
    LocalDate dateOfService,
    CodeLookup.Status status,
    String title,
    String shortTitle,
    Boolean billable,
    String kind,
    String statusNote,
    String periodNote,
    ReleaseSummary release,
    List<CodeRef> breadcrumb,
    List<CodeRef> children,
    PlainLanguage plainLanguage,
    List<NoteBlock> notes,
    SeventhCharacters seventhCharacters,
    List<IndexLead> indexEntries,
    List<PcsCharacter> pcsCharacters,
    PcsTableDetail pcsTable,
    List<FactSection> facts,
    List<MissingFact> missingFacts,
    List<CodeRef> nearest,
    List<ReleaseSummary> otherReleases,
    String licenceNotice) {

  public boolean found() {
    return status == CodeLookup.Status.FOUND;
  }

  /** A link to a code, with what the page needs to label it. */
  public record CodeRef(
      String system, String code, String displayCode, String title, boolean billable) {}

  /** The release a fact came from, with its period and source files. */
  public record ReleaseSummary(
      long id,
      String dataset,
      String version,
      String title,
      LocalDate effectiveFrom,
      LocalDate effectiveTo,
      List<SourceFileRecord> files) {

    static ReleaseSummary of(Release release) {
      return new ReleaseSummary(
          release.id(),
          release.dataset(),
          release.version(),
          release.title(),
          release.effectiveFrom(),
          release.effectiveTo(),
          release.files());
    }
  }

  /**
   * Instructional notes of one kind, as printed at one place of the hierarchy.
   *
   * @param at where the note is printed: this code, an ancestor, the section or the chapter
   * @param inherited whether it is printed above this code and applies to it
   */
  public record NoteBlock(
      String kind, String label, String at, boolean inherited, List<NoteLine> lines) {}

  /** One note, with the codes it names that the release lists. */
  public record NoteLine(String text, List<CodeRef> codes) {}

  /**
   * The 7th characters a code takes and the full codes they make.
   *
   * @param definedAt the code whose definition applies (the category, as a rule)
   * @param source where the meanings come from: the Tabular List, or the order file titles when the
   *     Tabular List of the release is not loaded
   */
  public record SeventhCharacters(
      String base,
      String definedAt,
      String source,
      boolean placeholderNeeded,
      List<SeventhChoice> choices) {}

  /** One choice of 7th character: the full code it makes and whether the release lists it. */
  public record SeventhChoice(
      String character, String meaning, String fullCode, String displayCode, boolean valid) {}

  /**
   * An index entry leading to this code (or to its category, for table cells that still need a 7th
   * character).
   *
   * @param column the table column (Poisoning Accidental, Malignant Primary ...), or null
   */
  public record IndexLead(
      String source, String sourceLabel, List<String> path, String column, String displayCode) {}

  /** One character of an ICD-10-PCS code and what it means in its table. */
  public record PcsCharacter(
      int position, String axis, String value, String label, String definition) {}

  /** A fact the page would show if its file were loaded, and why it is not. */
  public record MissingFact(String what, String reason) {}

  /**
   * A plain-language description.
   *
   * @param source "editorial" for a written one, "composed" for one made from official terms
   */
  public record PlainLanguage(String text, String source, String author, String reviewStatus) {}
}
