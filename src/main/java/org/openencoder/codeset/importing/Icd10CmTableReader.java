package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an ICD-10-CM table in the CDC {@code ICD10CM.index} XML layout: the Table of Drugs and
 * Chemicals (icd10cm_drug_YYYY.xml) and the Neoplasm Table (icd10cm_neoplasm_YYYY.xml). The {@code
 * <indexHeading>} names the columns ({@code <head col="n">}, column 1 being the term itself); the
 * letters, main terms and subterms then carry one {@code <cell col="n">} per column. The printed
 * tables show a dash where a column has no code, and so does the file: "--" in the drug table, "-"
 * in the neoplasm table. One {@link TableRow} is emitted per term with cells or a cross-reference,
 * parents before their subterms.
 */
final class Icd10CmTableReader {

  /** Receives the column headings, then the rows in file order. */
  interface Listener {
    /** The headings in column order, column 1 first. */
    void columnHeadings(List<String> headings);

    void row(TableRow row);
  }

  // As printed: "T51.3X1", a subcategory awaiting characters "C79.8-", or a category "C80".
  private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{0,4})?-?");

  void read(InputStream in, String fileName, Listener listener) {
    XmlCursor xml = new XmlCursor(in, fileName);
    xml.root("ICD10CM.index");
    Map<Integer, String> headings = null;
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "version", "title" -> xml.skip();
        case "indexHeading" -> {
          headings = readHeadings(xml);
          listener.columnHeadings(List.copyOf(headings.values()));
        }
        case "letter" -> {
          if (headings == null) {
            throw xml.malformed("<letter> before <indexHeading>");
          }
          readLetter(xml, headings, listener);
        }
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in <ICD10CM.index>");
      }
    }
    xml.end();
  }

  private static Map<Integer, String> readHeadings(XmlCursor xml) {
    Map<Integer, String> headings = new TreeMap<>();
    while (xml.nextChild()) {
      if (!xml.name().equals("head")) {
        throw xml.malformed("unexpected <" + xml.name() + "> in <indexHeading>");
      }
      int column = column(xml);
      if (headings.put(column, xml.text()) != null) {
        throw xml.malformed("two headings for column " + column);
      }
    }
    return headings;
  }

  private static void readLetter(XmlCursor xml, Map<Integer, String> headings, Listener listener) {
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "title" -> xml.skip();
        case "mainTerm" -> readTerm(xml, headings, List.of(), 0, listener);
        default -> throw xml.malformed("unexpected <" + xml.name() + "> in <letter>");
      }
    }
  }

  private static void readTerm(
      XmlCursor xml,
      Map<Integer, String> headings,
      List<String> parentPath,
      int level,
      Listener listener) {
    long line = xml.line();
    if (level > 0 && !String.valueOf(level).equals(xml.attribute("level"))) {
      throw xml.malformed("a subterm at depth " + level + " has level=" + xml.attribute("level"));
    }
    List<String> path = null;
    Map<Integer, String> cells = new TreeMap<>();
    int cellCount = 0;
    String see = null;
    String seeAlso = null;
    String manif = null;
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
          emit(headings, path, cells, cellCount, see, seeAlso, manif, line, listener);
          emitted = true;
        }
        readTerm(xml, headings, path, level + 1, listener);
      } else if (emitted) {
        throw xml.malformed("<" + element + "> after the subterms of " + path);
      } else {
        switch (element) {
          case "cell" -> {
            int column = column(xml);
            if (!headings.containsKey(column)) {
              throw xml.malformed("a cell in column " + column + ", which has no heading");
            }
            String value = xml.text();
            cellCount++;
            if (!value.equals("-") && !value.equals("--")) {
              if (!CODE.matcher(value).matches()) {
                throw xml.malformed("a cell holds \"" + value + "\", neither a code nor a dash");
              }
              if (cells.put(column, value) != null) {
                throw xml.malformed("two cells in column " + column);
              }
            }
          }
          case "see" -> see = xml.text();
          case "seeAlso" -> seeAlso = xml.text();
          case "manif" -> manif = xml.text();
          default -> throw xml.malformed("unexpected <" + element + "> in a term");
        }
      }
    }
    if (path == null) {
      throw xml.malformedAt(line, "a term without <title>");
    }
    if (!emitted) {
      emit(headings, path, cells, cellCount, see, seeAlso, manif, line, listener);
    }
  }

  private static void emit(
      Map<Integer, String> headings,
      List<String> path,
      Map<Integer, String> cells,
      int cellCount,
      String see,
      String seeAlso,
      String manif,
      long line,
      Listener listener) {
    if (cellCount == 0 && see == null && seeAlso == null && manif == null) {
      return;
    }
    Map<String, String> codes = new LinkedHashMap<>();
    cells.forEach((column, code) -> codes.put(headings.get(column), code));
    listener.row(new TableRow(path, codes, see, seeAlso, manif, line));
  }

  private static int column(XmlCursor xml) {
    String column = xml.attribute("col");
    try {
      return Integer.parseInt(column);
    } catch (NumberFormatException e) {
      throw xml.malformed("col=\"" + column + "\" is not a column number");
    }
  }
}
