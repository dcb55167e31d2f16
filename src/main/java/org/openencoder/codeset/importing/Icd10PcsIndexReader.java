package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
final class Icd10PcsIndexReader extends Icd10PcsXmlReader {

  // ICD-10-PCS Official Guidelines A.2: a character is a digit or a letter other than I and O.
  private static final Pattern CODE = Pattern.compile("[0-9A-HJ-NP-Z]{7}");
  private static final Pattern TABLE = Pattern.compile("[0-9A-HJ-NP-Z]{3}");
  private static final Pattern PARTIAL_CODE = Pattern.compile("[0-9A-HJ-NP-Z]{4,6}");

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
    super(in, fileName, "ICD10PCS.index");
  }

  /** The entries in file order; the stream reads the file lazily and can be consumed once. */
  Stream<PcsIndexEntry> entries() {
    return stream(this::nextEntry);
  }

  private @Nullable PcsIndexEntry nextEntry() {
    while (!finished) {
      if (!xml.nextChild()) {
        switch (xml.name()) {
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
      switch (xml.name()) {
        case "letter" -> {
          if (letter != null) {
            throw unexpected();
          }
          letter = xml.childText("title");
        }
        case "mainTerm" -> {
          if (letter == null || !open.isEmpty()) {
            throw unexpected();
          }
          open.add(new Node(0, xml.line()));
        }
        case "term" -> {
          if (open.isEmpty()) {
            throw unexpected();
          }
          Node parent = current();
          int level = levelAttribute();
          if (level != parent.level + 1) {
            throw xml.malformed("term level=\"" + level + "\" under a level " + parent.level);
          }
          open.add(new Node(level, xml.line()));
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
          node.title = xml.text();
        }
        case "code" -> {
          Node node = targetless();
          node.code = checked(xml.text(), CODE, "a 7-character code");
        }
        case "codes", "tab" -> {
          Node node = targetless();
          node.codePrefix = codePrefix();
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
      throw xml.malformedAt(node.line, "mainTerm without a title");
    }
    if (node.title == null && !node.hasTarget()) {
      throw xml.malformedAt(node.line, "term with neither title nor target");
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
    String element = xml.name();
    long line = xml.line();
    String reference =
        xml.ownText(
            () -> {
              if (node.codePrefix != null) {
                throw unexpected();
              }
              node.codePrefix = codePrefix();
            });
    if (reference.isEmpty()) {
      throw xml.malformedAt(line, "empty <" + element + ">");
    }
    return reference;
  }

  /** Reads a {@code codes} (4 to 6 leading code characters) or a {@code tab} (a table). */
  private String codePrefix() {
    return switch (xml.name()) {
      case "codes" -> checked(xml.text(), PARTIAL_CODE, "4 to 6 leading code characters");
      case "tab" -> checked(xml.text(), TABLE, "a 3-character table");
      default -> throw unexpected();
    };
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
      throw xml.malformed("<" + xml.name() + "> after the entry's target");
    }
    return node;
  }

  private String checked(String value, Pattern pattern, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw xml.malformed("\"" + value + "\" is not " + expected + " of ICD-10-PCS");
    }
    return value;
  }

  private int levelAttribute() {
    String value = xml.attribute("level");
    try {
      if (value != null) {
        return Integer.parseInt(value.trim());
      }
    } catch (NumberFormatException e) {
      // reported below with the element's line
    }
    throw xml.malformed("term needs a numeric level, has " + value);
  }

  private MalformedFileException unexpected() {
    return xml.malformed("unexpected <" + xml.name() + "> in the index layout");
  }
}
