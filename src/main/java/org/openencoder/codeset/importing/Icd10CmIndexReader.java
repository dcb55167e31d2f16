package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads an ICD-10-CM index in the CDC {@code ICD10CM.index} XML layout: the Alphabetic Index to
 * Diseases and Injuries (icd10cm_index_YYYY.xml) and the External Cause of Injuries Index
 * (icd10cm_eindex_YYYY.xml). Each {@code <letter>} holds main terms, and each term nests subterms
 * one level deeper ({@code <term level="1">} and down). One {@link IndexEntry} is emitted per term
 * that has a code or a cross-reference, parents before their subterms. A term with several {@code
 * <code>}s gives one entry per code, each with the {@code <manif>} that follows it.
 */
final class Icd10CmIndexReader {

  // As printed: "E11.9", a subcategory awaiting characters "S52.5-", a category "X58".
  private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{0,4})?-?");

  void read(InputStream in, String fileName, Consumer<IndexEntry> sink) {
    XmlCursor xml = new XmlCursor(in, fileName);
    xml.root("ICD10CM.index");
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "version", "title" -> xml.skip();
        case "letter" -> readLetter(xml, sink);
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in <ICD10CM.index>");
      }
    }
    xml.end();
  }

  private static void readLetter(XmlCursor xml, Consumer<IndexEntry> sink) {
    String letter = null;
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "title" -> letter = xml.text();
        case "mainTerm" -> {
          if (letter == null) {
            throw xml.malformed("<mainTerm> before the letter's <title>");
          }
          readTerm(xml, letter, List.of(), 0, sink);
        }
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in <letter>");
      }
    }
  }

  private static void readTerm(
      XmlCursor xml, String letter, List<String> parentPath, int level, Consumer<IndexEntry> sink) {
    long line = xml.line();
    if (level > 0 && !String.valueOf(level).equals(xml.attribute("level"))) {
      throw xml.malformed("a subterm at depth " + level + " has level=" + xml.attribute("level"));
    }
    List<String> path = null;
    Targets targets = new Targets();
    boolean emitted = false;
    while (xml.nextChild()) {
      String element = xml.name();
      if (element.equals("title")) {
        List<String> titled = new ArrayList<>(parentPath);
        titled.add(xml.textWithChildren());
        path = List.copyOf(titled);
      } else if (path == null) {
        throw xml.malformed("<" + element + "> before the term's <title>");
      } else if (element.equals("term")) {
        if (!emitted) {
          targets.emit(letter, path, line, sink);
          emitted = true;
        }
        readTerm(xml, letter, path, level + 1, sink);
      } else if (emitted) {
        throw xml.malformed("<" + element + "> after the subterms of " + path);
      } else {
        targets.read(xml);
      }
    }
    if (path == null) {
      throw xml.malformedAt(line, "a term without <title>");
    }
    if (!emitted) {
      targets.emit(letter, path, line, sink);
    }
  }

  /** Where one term leads, as its elements are read. */
  private static final class Targets {

    private final List<Code> codes = new ArrayList<>();
    private String see;
    private String seeAlso;
    private String seeCategory;
    private String seeSubcategory;

    void read(XmlCursor xml) {
      switch (xml.name()) {
        case "code" -> codes.add(new Code(code(xml), null));
        case "manif" -> {
          // Guideline I.A.7: brackets in the Alphabetic Index identify manifestation codes; the
          // manifestation is printed after the etiology code it goes with.
          String manifestation = code(xml);
          int last = codes.size() - 1;
          if (last < 0 || codes.get(last).manifestation() != null) {
            codes.add(new Code(null, manifestation));
          } else {
            codes.set(last, new Code(codes.get(last).code(), manifestation));
          }
        }
        case "see" -> see = joined(see, xml.text());
        case "seeAlso" -> seeAlso = joined(seeAlso, xml.text());
        case "seecat" -> seeCategory = code(xml);
        case "subcat" -> seeSubcategory = code(xml);
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in a term");
      }
    }

    void emit(String letter, List<String> path, long line, Consumer<IndexEntry> sink) {
      if (codes.isEmpty()) {
        if (see != null || seeAlso != null || seeCategory != null || seeSubcategory != null) {
          sink.accept(
              new IndexEntry(
                  letter, path, null, null, see, seeAlso, seeCategory, seeSubcategory, line));
        }
        return;
      }
      for (Code code : codes) {
        sink.accept(
            new IndexEntry(
                letter,
                path,
                code.code(),
                code.manifestation(),
                see,
                seeAlso,
                seeCategory,
                seeSubcategory,
                line));
      }
    }

    private static String code(XmlCursor xml) {
      String element = xml.name();
      String code = xml.text();
      if (!CODE.matcher(code).matches()) {
        throw xml.malformed("<" + element + "> holds \"" + code + "\", not a code");
      }
      return code;
    }

    private static String joined(String earlier, String next) {
      return earlier == null ? next : earlier + "; " + next;
    }

    private record Code(String code, String manifestation) {}
  }
}
