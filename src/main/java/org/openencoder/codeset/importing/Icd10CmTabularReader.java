package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CDC Tabular List XML of any fiscal year (icd10cm_tabular_YYYY.xml, root {@code
 * ICD10CM.tabular}): the version, each chapter, each section and each {@code <diag>}, with every
 * instructional note. A chapter, section or code is reported as soon as its own elements are read,
 * that is at its first section or subcode, so a listener always sees a parent before its children.
 * The file puts notes before children; a note after them fails the import instead of being lost.
 */
final class Icd10CmTabularReader {

  /** Receives the file's content in file order. */
  interface Listener {
    default void version(String version) {}

    default void chapter(TabularChapter chapter) {}

    default void section(TabularSection section) {}

    void diag(TabularDiag diag);
  }

  private static final Set<String> NOTE_ELEMENTS =
      Set.of(
          "inclusionTerm",
          "includes",
          "excludes1",
          "excludes2",
          "codeFirst",
          "useAdditionalCode",
          "codeAlso",
          "notes",
          "sevenChrNote");

  void read(InputStream in, String fileName, Listener listener) {
    XmlCursor xml = new XmlCursor(in, fileName);
    xml.root("ICD10CM.tabular");
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "version" -> listener.version(xml.text());
        case "chapter" -> readChapter(xml, listener);
        // The introduction explains the notation of the printed book; it classifies nothing.
        case "introduction" -> xml.skip();
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in <ICD10CM.tabular>");
      }
    }
    xml.end();
  }

  private static void readChapter(XmlCursor xml, Listener listener) {
    long line = xml.line();
    String name = null;
    String desc = null;
    Notes notes = new Notes();
    TabularChapter chapter = null;
    while (xml.nextChild()) {
      String element = xml.name();
      if (element.equals("section")) {
        if (chapter == null) {
          chapter =
              new TabularChapter(required(xml, line, name, "name"), desc, notes.build(), line);
          listener.chapter(chapter);
        }
        readSection(xml, chapter.name(), listener);
      } else if (chapter != null) {
        throw xml.malformed("<" + element + "> after the chapter's sections");
      } else if (element.equals("name")) {
        name = xml.text();
      } else if (element.equals("desc")) {
        desc = xml.text();
      } else if (element.equals("sectionIndex")) {
        // A table of contents: each sectionRef repeats a section's id and title.
        xml.skip();
      } else {
        notes.read(xml, "chapter");
      }
    }
    if (chapter == null) {
      listener.chapter(
          new TabularChapter(required(xml, line, name, "name"), desc, notes.build(), line));
    }
  }

  private static void readSection(XmlCursor xml, String chapter, Listener listener) {
    long line = xml.line();
    String id = required(xml, line, xml.attribute("id"), "id");
    String desc = null;
    Notes notes = new Notes();
    TabularSection section = null;
    while (xml.nextChild()) {
      String element = xml.name();
      if (element.equals("diag")) {
        if (section == null) {
          section = section(id, desc, chapter, notes.build(), line);
          listener.section(section);
        }
        readDiag(xml, chapter, id, null, listener);
      } else if (section != null) {
        throw xml.malformed("<" + element + "> after the section's codes");
      } else if (element.equals("desc")) {
        desc = xml.text();
      } else {
        notes.read(xml, "section");
      }
    }
    if (section == null) {
      listener.section(section(id, desc, chapter, notes.build(), line));
    }
  }

  private static TabularSection section(
      String id, String desc, String chapter, TabularNotes notes, long line) {
    // The id is the range, "S50-S59", or the single category, "T07"; the sectionIndex says the
    // same with first/last attributes but lacks the heading-only sections such as C00-C96.
    int dash = id.indexOf('-');
    String first = dash < 0 ? id : id.substring(0, dash);
    String last = dash < 0 ? id : id.substring(dash + 1);
    return new TabularSection(id, desc, first, last, chapter, notes, line);
  }

  private static void readDiag(
      XmlCursor xml, String chapter, String section, TabularDiag parent, Listener listener) {
    long line = xml.line();
    String code = null;
    String desc = null;
    Notes notes = new Notes();
    TabularDiag diag = null;
    while (xml.nextChild()) {
      String element = xml.name();
      if (element.equals("diag")) {
        if (diag == null) {
          diag = diag(xml, line, code, desc, notes.build(), chapter, section, parent, true);
          listener.diag(diag);
        }
        readDiag(xml, chapter, section, diag, listener);
      } else if (diag != null) {
        throw xml.malformed("<" + element + "> after the subcodes of " + diag.code());
      } else if (element.equals("name")) {
        code = xml.text();
      } else if (element.equals("desc")) {
        desc = xml.text();
      } else if (element.equals("visualImpairment")) {
        // H54 prints the WHO table of visual impairment categories; it is a table, not a note.
        xml.skip();
      } else {
        notes.read(xml, "diag");
      }
    }
    if (diag == null) {
      listener.diag(diag(xml, line, code, desc, notes.build(), chapter, section, parent, false));
    }
  }

  private static TabularDiag diag(
      XmlCursor xml,
      long line,
      String code,
      String desc,
      TabularNotes notes,
      String chapter,
      String section,
      TabularDiag parent,
      boolean subcodes) {
    required(xml, line, code, "name");
    // 7th characters are inherited: a sevenChrDef applies to every code below it unless a nearer
    // one replaces it (S52 defines 16 characters, S52.52 narrows its torus fractures to 6).
    String from = parent == null ? null : parent.seventhCharactersFrom();
    List<SeventhCharacter> seventh = parent == null ? List.of() : parent.seventhCharacters();
    if (!notes.sevenChrDef().isEmpty()) {
      from = code;
      seventh = notes.sevenChrDef();
    }
    return new TabularDiag(
        code,
        desc,
        parent == null ? null : parent.code(),
        chapter,
        section,
        parent == null ? 1 : parent.depth() + 1,
        subcodes,
        notes,
        from,
        seventh,
        line);
  }

  private static String required(XmlCursor xml, long line, String value, String what) {
    if (value == null || value.isEmpty()) {
      throw xml.malformedAt(line, "missing " + what);
    }
    return value;
  }

  /** The notes of one chapter, section or code as they are read. */
  private static final class Notes {

    private final Map<String, List<String>> byElement = new HashMap<>();
    private final List<Extension> extensions = new ArrayList<>();

    void read(XmlCursor xml, String owner) {
      String element = xml.name();
      if (element.equals("sevenChrDef")) {
        readSevenChrDef(xml);
        return;
      }
      if (!NOTE_ELEMENTS.contains(element)) {
        throw xml.malformed("unexpected <" + element + "> in <" + owner + ">");
      }
      List<String> notes = byElement.computeIfAbsent(element, e -> new ArrayList<>());
      while (xml.nextChild()) {
        if (!xml.name().equals("note")) {
          throw xml.malformed("unexpected <" + xml.name() + "> in <" + element + ">");
        }
        notes.add(xml.text());
      }
    }

    private void readSevenChrDef(XmlCursor xml) {
      while (xml.nextChild()) {
        switch (xml.name()) {
          case "extension" -> {
            String character = xml.attribute("char");
            if (character == null || character.length() != 1) {
              throw xml.malformed("<extension> needs a one-character char attribute");
            }
            extensions.add(new Extension(character.charAt(0), xml.text(), new ArrayList<>()));
          }
          case "note" -> {
            // A note between extensions widens the one before it (S52: B, then "initial
            // encounter for open fracture NOS"); one before any extension stays a 7th
            // character note.
            String note = xml.text();
            if (extensions.isEmpty()) {
              byElement.computeIfAbsent("sevenChrNote", e -> new ArrayList<>()).add(note);
            } else {
              extensions.get(extensions.size() - 1).inclusionTerms().add(note);
            }
          }
          default -> throw xml.malformed("unexpected <" + xml.name() + "> in <sevenChrDef>");
        }
      }
    }

    TabularNotes build() {
      return new TabularNotes(
          list("inclusionTerm"),
          list("includes"),
          list("excludes1"),
          list("excludes2"),
          list("codeFirst"),
          list("useAdditionalCode"),
          list("codeAlso"),
          list("notes"),
          list("sevenChrNote"),
          extensions.stream()
              .map(e -> new SeventhCharacter(e.character(), e.meaning(), e.inclusionTerms()))
              .toList());
    }

    private List<String> list(String element) {
      return byElement.getOrDefault(element, List.of());
    }

    private record Extension(char character, String meaning, List<String> inclusionTerms) {}
  }
}
