package org.openencoder.codeset.importing;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openencoder.codeset.MalformedFileException;

/**
 * A forward-only StAX cursor over one CDC or CMS XML release file (ICD-10-CM Tabular List, Index,
 * Tables; ICD-10-PCS Tables, Definitions, Index). Readers walk it element by element; the
 * indentation between elements is skipped. Every problem, including a well-formedness error such as
 * a truncated file, surfaces as a {@link MalformedFileException} naming the file and the parser's
 * line.
 */
final class XmlCursor {

  private final XMLStreamReader xml;
  private final String fileName;

  XmlCursor(InputStream in, String fileName) {
    this.fileName = fileName;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // The release files declare no DTD; refusing one keeps entity tricks out of the import.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      this.xml = factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** Moves to the root element, which must be named {@code name}. */
  void root(String name) {
    if (!nextChild() || !name.equals(name())) {
      throw malformed("the root element should be <" + name + ">");
    }
  }

  /** Moves to the next child element, which must be named {@code name}, and returns its text. */
  String childText(String name) {
    if (!nextChild() || !name.equals(name())) {
      throw malformed("expected <" + name + ">");
    }
    return text();
  }

  /** Reads past the root's end tag, so that the parser checks nothing follows it. */
  void end() {
    while (next() != XMLStreamConstants.END_DOCUMENT) {
      if (xml.isStartElement()) {
        throw malformed("<" + name() + "> after the root element");
      }
    }
  }

  /**
   * Moves to the next child element of the element the cursor is in and returns true, or reads that
   * element's end tag and returns false.
   */
  boolean nextChild() {
    while (true) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          return true;
        }
        case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
          return false;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!xml.isWhiteSpace()) {
            throw malformed("unexpected text \"" + xml.getText().strip() + "\"");
          }
        }
        case XMLStreamConstants.DTD -> throw malformed("a DOCTYPE, which no release file has");
        default -> {}
      }
    }
  }

  String name() {
    return xml.getLocalName();
  }

  /** The attribute of the current element, or null. */
  String attribute(String name) {
    return xml.getAttributeValue(null, name);
  }

  /** The stripped text of the current, text-only element; the cursor ends on its end tag. */
  String text() {
    try {
      return xml.getElementText().strip();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /**
   * The text of the current element with the text of its child elements (an index title's {@code
   * <nemod>}) set off by a space where the file has none, whitespace collapsed.
   */
  String textWithChildren() {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            text.append(' ');
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        default -> {}
      }
    }
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  /**
   * The stripped text directly inside the current element, as in {@code <see>Excision,
   * Appendix<codes>0DBJ</codes></see>}; each child element is handed to {@code child}, which must
   * read it to its end tag. The cursor ends on the current element's end tag.
   */
  String ownText(Runnable child) {
    StringBuilder text = new StringBuilder();
    while (true) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> child.run();
        case XMLStreamConstants.END_ELEMENT -> {
          return text.toString().strip();
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        default -> {}
      }
    }
  }

  /** Skips the current element and everything in it; the cursor ends on its end tag. */
  void skip() {
    int depth = 1;
    while (depth > 0) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  long line() {
    Location location = xml.getLocation();
    return location == null ? 0 : Math.max(location.getLineNumber(), 0);
  }

  MalformedFileException malformed(String problem) {
    return malformedAt(line(), problem);
  }

  MalformedFileException malformedAt(long line, String problem) {
    return new MalformedFileException(fileName, line, problem);
  }

  /** Closes the parser; the input stream belongs to the caller and stays open. */
  void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private int next() {
    try {
      if (!xml.hasNext()) {
        throw malformed("the file ends inside an element");
      }
      return xml.next();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /**
   * What the parser rejects, at the line it reports. A read error of the input is reported here
   * too: once past the XML declaration the JDK parser keeps only its message, not the IOException.
   */
  private MalformedFileException malformed(XMLStreamException e) {
    Location location = e.getLocation();
    long line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
    return new MalformedFileException(fileName, line, e.getMessage(), e);
  }
}
