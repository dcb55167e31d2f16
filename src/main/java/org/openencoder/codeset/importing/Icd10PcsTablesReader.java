package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Reads the CMS ICD-10-PCS code tables, {@code icd10pcs_tables_<year>.xml} (root {@code
 * ICD10PCS.tabular}), one {@link PcsTable} at a time.
 *
 * <p>The layout, as CMS ships it:
 *
 * <pre>{@code
 * <ICD10PCS.tabular>
 *   <version>2026</version> <title>2026 ICD-10-PCS Tables</title>
 *   <pcsTable>
 *     <axis pos="1" values="1">
 *       <title>Section</title> <label code="0">Medical and Surgical</label> </axis>
 *     <axis pos="2" values="1"> ... body system ... </axis>
 *     <axis pos="3" values="1"> ... operation ...
 *       <definition>Altering the route ...</definition> </axis>
 *     <pcsRow codes="99">
 *       <axis pos="4" values="1">
 *         <title>Body Part</title> <label code="6">Cerebral Ventricle</label> </axis>
 *       <axis pos="5" values="3"> ... approach ... </axis>
 *       <axis pos="6" values="3"> ... device ... </axis>
 *       <axis pos="7" values="11"> ... qualifier ... </axis>
 *     </pcsRow>
 *     ...
 * }</pre>
 *
 * A table fixes the first three characters of a code; each row lists the values allowed in
 * characters 4 to 7, and every combination of them is a valid code. The tables are therefore the
 * only file that says which codes exist <em>and why</em> (which axis value each character is); the
 * order file lists the same codes flat.
 *
 * <p>The reader is pure and forward-only: it reads the header when constructed and then streams the
 * tables in file order. It does not close the input stream, which belongs to the caller.
 */
final class Icd10PcsTablesReader implements AutoCloseable {

  // ICD-10-PCS Official Guidelines, A.2 and the Reference Manual: a character value is a digit or
  // a letter, except I and O, which are left out so they are not read as 1 and 0.
  private static final Pattern VALUE = Pattern.compile("[0-9A-HJ-NP-Z]");

  private static final String ROOT = "ICD10PCS.tabular";

  private final String fileName;
  private final XMLStreamReader xml;
  private final String version;
  private final String title;
  private boolean finished;

  /** One code table: the 3-character prefix, its axes 1 to 3 and its rows. */
  record PcsTable(String tableCode, List<PcsAxis> tableAxes, List<PcsRow> rows, long line) {
    PcsTable {
      tableAxes = List.copyOf(tableAxes);
      rows = List.copyOf(rows);
    }

    /** The valid 7-character codes of this table, row by row, in the order the file lists them. */
    List<String> codes() {
      List<String> codes = new ArrayList<>();
      for (PcsRow row : rows) {
        codes.addAll(row.codes(tableCode));
      }
      return codes;
    }

    /** The table's axis at position 1 (section), 2 (body system) or 3 (operation). */
    PcsAxis axis(int position) {
      return tableAxes.get(position - 1);
    }
  }

  /**
   * One row of a table: axes 4 to 7 and {@code codeCount}, the number of codes CMS says the row
   * holds (the {@code codes} attribute), which the reader has checked against the axes.
   */
  record PcsRow(int codeCount, List<PcsAxis> axes, long line) {
    PcsRow {
      axes = List.copyOf(axes);
    }

    /** The row's codes: the table code followed by every combination of the row's 4 values. */
    List<String> codes(String tableCode) {
      List<String> codes = new ArrayList<>(codeCount);
      expand(tableCode, 0, codes);
      return codes;
    }

    private void expand(String prefix, int axis, List<String> codes) {
      if (axis == axes.size()) {
        codes.add(prefix);
        return;
      }
      for (PcsAxisValue value : axes.get(axis).values()) {
        expand(prefix + value.code(), axis + 1, codes);
      }
    }

    /** The row's axis at position 4 (body part) to 7 (qualifier). */
    PcsAxis axis(int position) {
      return axes.get(position - 4);
    }
  }

  /**
   * One character position of a code, with the values allowed there. Only the operation axis (pos
   * 3) carries a {@code definition}, and not in every section: Radiation Therapy has none.
   */
  record PcsAxis(
      int position, String title, List<PcsAxisValue> values, @Nullable String definition) {
    PcsAxis {
      values = List.copyOf(values);
    }
  }

  /** One value of an axis: the character and its label, e.g. {@code 6}, "Cerebral Ventricle". */
  record PcsAxisValue(String code, String label) {}

  /** Opens the file and reads its header; {@code fileName} names it in error messages. */
  Icd10PcsTablesReader(InputStream in, String fileName) {
    this.fileName = fileName;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // The tables are self-contained: no DTD, and no external entity may be fetched.
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

  /** The release year as the file states it, e.g. "2026". */
  String version() {
    return version;
  }

  /** The file's own title, e.g. "2026 ICD-10-PCS Tables". */
  String title() {
    return title;
  }

  /** The tables in file order; the stream reads the file lazily and can be consumed once. */
  Stream<PcsTable> tables() {
    return StreamSupport.stream(
        new Spliterators.AbstractSpliterator<PcsTable>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super PcsTable> action) {
            PcsTable table = nextTable();
            if (table == null) {
              return false;
            }
            action.accept(table);
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

  private @Nullable PcsTable nextTable() {
    if (finished) {
      return null;
    }
    if (nextTag() == XMLStreamConstants.END_ELEMENT) {
      finished = true;
      return null;
    }
    if (!xml.getLocalName().equals("pcsTable")) {
      throw unexpected();
    }
    return readTable();
  }

  private PcsTable readTable() {
    long line = line();
    List<PcsAxis> axes = new ArrayList<>();
    List<PcsRow> rows = new ArrayList<>();
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (xml.getLocalName()) {
        case "axis" -> axes.add(readAxis(axes.size() + 1, true));
        case "pcsRow" -> rows.add(readRow());
        default -> throw unexpected();
      }
    }
    if (axes.size() != 3) {
      throw new MalformedFileException(
          fileName, line, "pcsTable has " + axes.size() + " axes, expected positions 1 to 3");
    }
    if (rows.isEmpty()) {
      throw new MalformedFileException(fileName, line, "pcsTable has no pcsRow");
    }
    StringBuilder tableCode = new StringBuilder(3);
    for (PcsAxis axis : axes) {
      tableCode.append(axis.values().get(0).code());
    }
    return new PcsTable(tableCode.toString(), axes, rows, line);
  }

  private PcsRow readRow() {
    long line = line();
    int declared = intAttribute("codes");
    List<PcsAxis> axes = new ArrayList<>(4);
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!xml.getLocalName().equals("axis")) {
        throw unexpected();
      }
      axes.add(readAxis(axes.size() + 4, false));
    }
    if (axes.size() != 4) {
      throw new MalformedFileException(
          fileName, line, "pcsRow has " + axes.size() + " axes, expected positions 4 to 7");
    }
    // The codes attribute is CMS's own count of the row's codes; a mismatch means an axis lost or
    // gained a label, and the row would silently yield the wrong codes.
    long expanded = 1;
    for (PcsAxis axis : axes) {
      expanded *= axis.values().size();
    }
    if (expanded != declared) {
      throw new MalformedFileException(
          fileName,
          line,
          "pcsRow says codes=\"" + declared + "\" but its axes combine to " + expanded + " codes");
    }
    return new PcsRow(declared, axes, line);
  }

  /** Reads an axis; a table axis (positions 1 to 3) has exactly one value. */
  private PcsAxis readAxis(int expectedPosition, boolean tableAxis) {
    long line = line();
    int position = intAttribute("pos");
    if (position != expectedPosition) {
      throw new MalformedFileException(
          fileName,
          line,
          "axis pos=\"" + position + "\" where pos " + expectedPosition + " is due");
    }
    int declared = intAttribute("values");
    String axisTitle = null;
    String definition = null;
    List<PcsAxisValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (xml.getLocalName()) {
        case "title" -> {
          if (axisTitle != null) {
            throw unexpected();
          }
          axisTitle = text();
        }
        case "label" -> {
          long labelLine = line();
          String code = xml.getAttributeValue(null, "code");
          if (code == null || !VALUE.matcher(code).matches()) {
            throw new MalformedFileException(
                fileName, labelLine, "label code=\"" + code + "\" is not a PCS character value");
          }
          if (!seen.add(code)) {
            throw new MalformedFileException(
                fileName, labelLine, "axis " + position + " lists value " + code + " twice");
          }
          values.add(new PcsAxisValue(code, text()));
        }
        case "definition" -> {
          if (definition != null) {
            throw unexpected();
          }
          definition = text();
        }
        default -> throw unexpected();
      }
    }
    if (axisTitle == null) {
      throw new MalformedFileException(fileName, line, "axis " + position + " has no title");
    }
    if (values.size() != declared) {
      throw new MalformedFileException(
          fileName,
          line,
          "axis " + position + " says values=\"" + declared + "\" but has " + values.size());
    }
    if (values.isEmpty() || (tableAxis && values.size() != 1)) {
      throw new MalformedFileException(
          fileName, line, "axis " + position + " has " + values.size() + " values");
    }
    return new PcsAxis(position, axisTitle, values, definition);
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

  private int intAttribute(String name) {
    String value = xml.getAttributeValue(null, name);
    try {
      if (value != null) {
        return Integer.parseInt(value);
      }
    } catch (NumberFormatException e) {
      // reported below with the element's line
    }
    throw new MalformedFileException(
        fileName,
        line(),
        "<" + xml.getLocalName() + "> needs a numeric " + name + " attribute, has " + value);
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
        fileName, line(), "unexpected <" + xml.getLocalName() + "> in the tables layout");
  }

  private MalformedFileException malformed(XMLStreamException e) {
    long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    return new MalformedFileException(fileName, Math.max(line, 0), e.getMessage(), e);
  }
}
