package org.openencoder.claims.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/**
 * The Excludes1 notes of one ICD-10-CM Tabular List, with the codes each note names parsed into
 * ranges, so that "does a code above this note exclude that code" is a few map lookups.
 *
 * <p>Guideline I.A.12.a: an Excludes1 note means "NOT CODED HERE!": the excluded code is never used
 * with the code above the note. Notes printed under a category apply to every code in it, and
 * section and chapter notes to every code of the section or chapter (Guideline I.A.12, as the code
 * pages show them).
 */
final class Excludes1Index {

  /**
   * One code or range as notes print them, inside the parentheses: "E08.-", "A04.7-",
   * "A04.0-A04.4", "B95-B96", "J09.X3".
   */
  private static final Pattern CODE_OR_RANGE =
      Pattern.compile(
          "([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\.?-)?"
              + "(?:\\s*-\\s*([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\.?-)?)?");

  private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");

  private final Release release;
  private final CodeCatalog catalog;
  private final Map<String, Note[]> notesByOwner;
  private final Map<String, String> sectionOfCategory;
  private final Map<String, String> chapterOfSection;

  Excludes1Index(
      Release release,
      CodeCatalog catalog,
      Map<String, List<Note>> notesByOwner,
      Map<String, String> sectionOfCategory,
      Map<String, String> chapterOfSection) {
    this.release = release;
    this.catalog = catalog;
    this.notesByOwner = new HashMap<>(notesByOwner.size() * 2);
    notesByOwner.forEach(
        (owner, notes) -> this.notesByOwner.put(owner, notes.toArray(Note[]::new)));
    this.sectionOfCategory = Map.copyOf(sectionOfCategory);
    this.chapterOfSection = Map.copyOf(chapterOfSection);
  }

  Release release() {
    return release;
  }

  int notes() {
    int count = 0;
    for (Note[] notes : notesByOwner.values()) {
      count += notes.length;
    }
    return count;
  }

  /** The first Excludes1 note above {@code code} that names {@code other}, or null. */
  @Nullable Note excluding(String code, String other) {
    String at = code;
    while (at != null) {
      Note note = match(notesByOwner.get(at), other);
      if (note != null) {
        return note;
      }
      CodeEntry entry = catalog.get(at).orElse(null);
      at = entry == null ? null : entry.parent();
    }
    if (code.length() < 3) {
      return null;
    }
    String section = sectionOfCategory.get(code.substring(0, 3));
    if (section == null) {
      return null;
    }
    Note note = match(notesByOwner.get(sectionKey(section)), other);
    if (note != null) {
      return note;
    }
    String chapter = chapterOfSection.get(section);
    return chapter == null ? null : match(notesByOwner.get(chapterKey(chapter)), other);
  }

  private static @Nullable Note match(Note @Nullable [] notes, String other) {
    if (notes != null) {
      for (Note note : notes) {
        if (note.names(other)) {
          return note;
        }
      }
    }
    return null;
  }

  static String sectionKey(String section) {
    return "section " + section;
  }

  static String chapterKey(String chapter) {
    return "chapter " + chapter;
  }

  /** A note with the codes it names; null when it names none ("- see body system chapters"). */
  static @Nullable Note parse(String owner, String printedAt, String text) {
    List<String> from = new ArrayList<>(2);
    List<String> to = new ArrayList<>(2);
    Matcher parentheses = PARENTHESES.matcher(text);
    while (parentheses.find()) {
      for (String item : parentheses.group(1).split(",")) {
        Matcher m = CODE_OR_RANGE.matcher(item.strip());
        if (m.matches()) {
          String first = CodeSystem.normalize(m.group(1));
          from.add(first);
          to.add(m.group(2) == null ? first : CodeSystem.normalize(m.group(2)));
        }
      }
    }
    if (from.isEmpty()) {
      return null;
    }
    return new Note(owner, printedAt, text, from.toArray(String[]::new), to.toArray(String[]::new));
  }

  /**
   * One Excludes1 note.
   *
   * @param printedAt where the note is printed, as the code book shows it ("E11", "Section
   *     E08-E13")
   * @param from the first code of each range the note names (a prefix: "E08" names E08.*)
   * @param to the last code of each range (equal to {@code from} for a single code or category)
   */
  record Note(String owner, String printedAt, String text, String[] from, String[] to) {

    boolean names(String code) {
      for (int i = 0; i < from.length; i++) {
        if (within(code, from[i], to[i])) {
          return true;
        }
      }
      return false;
    }

    private static boolean within(String code, String from, String to) {
      if (code.length() < from.length() || code.length() < to.length()) {
        return false;
      }
      return compare(code, from) >= 0 && compare(code, to) <= 0;
    }

    /** Compares the code's prefix of the bound's length with the bound. */
    private static int compare(String code, String bound) {
      for (int i = 0; i < bound.length(); i++) {
        int d = code.charAt(i) - bound.charAt(i);
        if (d != 0) {
          return d;
        }
      }
      return 0;
    }
  }
}
