package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads the CMS ICD-10-PCS Index, {@code icd10pcs_index_<year>.xml} (root {@code ICD10PCS.index}),
 * as one {@link PcsIndexEntry} per {@code mainTerm} and per {@code term}.
 *
 * <p>The layout, as CMS ships it:
 *
 * <pre>{@code
 * <ICD10PCS.index>
 *   <version>2025</version> <title>2025 ICD-10-PCS Index</title>
 *   <letter> <title>A</title>
 *     <mainTerm> <title>Abdominal esophagus</title> <use>Esophagus, Lower</use> </mainTerm>
 *     <mainTerm> <title>Abortion</title>
 *       <term level="1"> <title>Products of Conception</title> <codes>10A0</codes> </term>
 *       <term level="1"> <title>Abortifacient</title> <code>10A07ZX</code> </term> </mainTerm>
 *     <mainTerm> <title>Appendectomy</title>
 *       <term level="1"> <see>Excision, Appendix<codes>0DBJ</codes></see> </term> ...
 *     <mainTerm> <title>Acetabulectomy</title>
 *       <term level="1"> <see>Excision, Lower Bones<tab>0QB</tab></see> </term> ...
 * }</pre>
 *
 * Terms nest to any depth, and their {@code level} attribute repeats the depth. A term or main term
 * names at most one target: a full code ({@code <code>}), the leading characters of codes ({@code
 * <codes>}, 4 to 6 characters: a table row to finish in the tables), a table ({@code <tab>}, 3
 * characters), a cross-reference to another main term ({@code <see>}) or, for body parts and
 * devices, the PCS value to use instead ({@code <use>}). A {@code see} or {@code use} may itself
 * end with a {@code codes} or {@code tab}; the reader gives that as the entry's {@code codePrefix}.
 * A term without a title (e.g. the two "see" terms under Appendectomy) adds no step to the path: it
 * is another target for its parent.
 *
 * <p>Entries come in file order, each before its sub-terms. Headings that only group sub-terms are
 * emitted too, with no target, so that the whole tree can be rebuilt. The reader is pure and
 * forward-only; it does not close the input stream, which belongs to the caller.
 */
final class Icd10PcsIndexReader implements AutoCloseable {

  // ICD-10-PCS Official Guidelines A.2: a character is a digit or a letter other than I and O.
  private static final Pattern CODE = Pattern.compile("[0-9A-HJ-NP-Z]{7}");
  private static final Pattern TABLE = Pattern.compile("[0-9A-HJ-NP-Z]{3}");
  private static final Pattern PARTIAL_CODE = Pattern.compile("[0-9A-HJ-NP-Z]{4,6}");

  private static final String ROOT = "ICD10PCS.index";

  private final String fileName;
  private final XMLStreamReader xml;
  private final String version;
  private final String title;

  private @Nullable String letter;

  /** The open mainTerm (index 0) and terms, outermost first. */
  private final List<Node> open = new ArrayList<>();

  private boolean finished;

  /**
   * One main term ({@code level} 0) or term ({@code level} = its level attribute) under {@code
   * letter}. {@code path} is the titles from the main term down to this entry. At most one of
   * {@code code} (a full 7-character code), {@code see} and {@code use} is set; {@code codePrefix}
   * (a table or the start of a code, from {@code <codes>} or {@code <tab>}) stands alone or comes
   * with a {@code see} or {@code use}. A heading has none of them.
   */
  record PcsIndexEntry(
      String letter,
      List<String> path,
      int level,
      @Nullable String code,
      @Nullable String codePrefix,
      @Nullable String see,
      @Nullable String use,
      long line) {
    PcsIndexEntry {
      path = List.copyOf(path);
    }
  }

  /** A mainTerm or term whose start tag has been read and which has not been emitted yet. */
  private static final class Node {
    final int level;
    final long line;
    @Nullable String title;
    @Nullable String code;
    @Nullable String codePrefix;
    @Nullable String see;
    @Nullable String use;
    boolean emitted;

    Node(int level, long line) {
      this.level = level;
      this.line = line;
    }

    boolean hasTarget() {
      return code != null || codePrefix != null || see != null || use != null;
    }
  }

  /** Opens the file and reads its header; {@code fileName} names it in error messages. */
  Icd10PcsIndexReader(InputStream in, String fileName) {
    this.fileName = fileName;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // The index is self-contained: no DTD, and no external entity may be fetched.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      this.xml = factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    expectStart(ROOT);
    this.version = expectText("version");
    this.title = expectText("title");
  }

  /** The release year as the file states it, e.g. "2025". */
  String version() {
    return version;
  }

  /** The file's own title, e.g. "2025 ICD-10-PCS Index". */
  String title() {
    return title;
  }

  /** The entries in file order; the stream reads the file lazily and can be consumed once. */
  Stream<PcsIndexEntry> entries() {
    return StreamSupport.stream(
        new Spliterators.AbstractSpliterator<PcsIndexEntry>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super PcsIndexEntry> action) {
            PcsIndexEntry entry = nextEntry();
            if (entry == null) {
              return false;
            }
            action.accept(entry);
            return true;
          }
        },
        false);
  }

  @Override
  public void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private @Nullable PcsIndexEntry nextEntry() {
    while (!finished) {
      if (nextTag() == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "mainTerm", "term" -> {
            Node node = current();
            PcsIndexEntry entry = node.emitted ? null : emit(node);
            open.remove(open.size() - 1);
            if (entry != null) {
              return entry;
            }
          }
          case "letter" -> letter = null;
          default -> finished = true; // the root
        }
        continue;
      }
      String name = xml.getLocalName();
      switch (name) {
        case "letter" -> {
          if (letter != null) {
            throw unexpected();
          }
          letter = expectText("title");
        }
        case "mainTerm" -> {
          if (letter == null || !open.isEmpty()) {
            throw unexpected();
          }
          open.add(new Node(0, line()));
        }
        case "term" -> {
          if (open.isEmpty()) {
            throw unexpected();
          }
          Node parent = current();
          int level = levelAttribute();
          if (level != parent.level + 1) {
            throw new MalformedFileException(
                fileName, line(), "term level=\"" + level + "\" under a level " + parent.level);
          }
          open.add(new Node(level, line()));
          // A node's own title and target come before its sub-terms: emit it now, ahead of them.
          if (!parent.emitted) {
            return emit(parent);
          }
        }
        case "title" -> {
          Node node = current();
          if (node.title != null || node.hasTarget() || node.emitted) {
            throw unexpected();
          }
          node.title = text();
        }
        case "code" -> {
          Node node = targetless();
          node.code = checked(text(), CODE, "a 7-character code");
        }
        case "codes" -> {
          Node node = targetless();
          node.codePrefix = checked(text(), PARTIAL_CODE, "4 to 6 leading code characters");
        }
        case "tab" -> {
          Node node = targetless();
          node.codePrefix = checked(text(), TABLE, "a 3-character table");
        }
        case "see" -> {
          Node node = targetless();
          node.see = crossReference(node);
        }
        case "use" -> {
          Node node = targetless();
          node.use = crossReference(node);
        }
        default -> throw unexpected();
      }
    }
    return null;
  }

  private PcsIndexEntry emit(Node node) {
    node.emitted = true;
    List<String> path = new ArrayList<>(open.size());
    for (Node step : open) {
      if (step.title != null) {
        path.add(step.title);
      }
      if (step == node) {
        break;
      }
    }
    if (node.level == 0 && node.title == null) {
      throw new MalformedFileException(fileName, node.line, "mainTerm without a title");
    }
    if (node.title == null && !node.hasTarget()) {
      throw new MalformedFileException(fileName, node.line, "term with neither title nor target");
    }
    if (letter == null) {
      throw new IllegalStateException("entry read outside a letter");
    }
    return new PcsIndexEntry(
        letter, path, node.level, node.code, node.codePrefix, node.see, node.use, node.line);
  }

  /**
   * Reads a {@code see} or {@code use}: text, optionally followed by a {@code codes} or {@code tab}
   * child, e.g. {@code <see>Excision, Appendix<codes>0DBJ</codes></see>}, which goes to the node's
   * code prefix. Returns the text.
   */
  private String crossReference(Node node) {
    String element = xml.getLocalName();
    long line = line();
    StringBuilder text = new StringBuilder();
    try {
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.CHARACTERS
            || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          if (node.codePrefix != null) {
            throw unexpected();
          }
          switch (xml.getLocalName()) {
            case "codes" ->
                node.codePrefix = checked(text(), PARTIAL_CODE, "4 to 6 leading code characters");
            case "tab" -> node.codePrefix = checked(text(), TABLE, "a 3-character table");
            default -> throw unexpected();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    String reference = text.toString().trim();
    if (reference.isEmpty()) {
      throw new MalformedFileException(fileName, line, "empty <" + element + ">");
    }
    return reference;
  }

  private Node current() {
    if (open.isEmpty()) {
      throw unexpected();
    }
    return open.get(open.size() - 1);
  }

  /**
   * The current node, which must not have a target yet (the layout allows one per entry) nor
   * sub-terms (the target comes before them, and the node has been emitted).
   */
  private Node targetless() {
    Node node = current();
    if (node.hasTarget() || node.emitted) {
      throw new MalformedFileException(
          fileName, line(), "<" + xml.getLocalName() + "> after the entry's target");
    }
    return node;
  }

  private String checked(String value, Pattern pattern, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw new MalformedFileException(
          fileName, line(), "\"" + value + "\" is not " + expected + " of ICD-10-PCS");
    }
    return value;
  }

  private int levelAttribute() {
    String value = xml.getAttributeValue(null, "level");
    try {
      if (value != null) {
        return Integer.parseInt(value.trim());
      }
    } catch (NumberFormatException e) {
      // reported below with the element's line
    }
    throw new MalformedFileException(fileName, line(), "term needs a numeric level, has " + value);
  }

  private void expectStart(String name) {
    if (nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(name)) {
      throw new MalformedFileException(fileName, line(), "expected <" + name + ">");
    }
  }

  private String expectText(String name) {
    expectStart(name);
    return text();
  }

  /** The text of the current element, which must hold no child elements; moves to its end tag. */
  private String text() {
    try {
      return xml.getElementText().trim();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** The next start or end tag, skipping white space; text between structural tags is an error. */
  private int nextTag() {
    try {
      return xml.nextTag();
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private long line() {
    return xml.getLocation().getLineNumber();
  }

  private MalformedFileException unexpected() {
    return new MalformedFileException(
        fileName, line(), "unexpected <" + xml.getLocalName() + "> in the index layout");
  }

  private MalformedFileException malformed(XMLStreamException e) {
    long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    return new MalformedFileException(fileName, Math.max(line, 0), e.getMessage(), e);
  }
}
