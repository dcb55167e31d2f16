package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
final class Icd10PcsTablesReader extends Icd10PcsXmlReader {

  // ICD-10-PCS Official Guidelines, A.2 and the Reference Manual: a character value is a digit or
  // a letter, except I and O, which are left out so they are not read as 1 and 0.
  private static final Pattern VALUE = Pattern.compile("[0-9A-HJ-NP-Z]");

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
    super(in, fileName, "ICD10PCS.tabular");
  }

  /** The tables in file order; the stream reads the file lazily and can be consumed once. */
  Stream<PcsTable> tables() {
    return stream(this::nextTable);
  }

  private @Nullable PcsTable nextTable() {
    if (finished) {
      return null;
    }
    if (!xml.nextChild()) {
      finished = true;
      return null;
    }
    if (!xml.name().equals("pcsTable")) {
      throw unexpected();
    }
    return readTable();
  }

  private PcsTable readTable() {
    long line = xml.line();
    List<PcsAxis> axes = new ArrayList<>();
    List<PcsRow> rows = new ArrayList<>();
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "axis" -> axes.add(readAxis(axes.size() + 1, true));
        case "pcsRow" -> rows.add(readRow());
        default -> throw unexpected();
      }
    }
    if (axes.size() != 3) {
      throw xml.malformedAt(
          line, "pcsTable has " + axes.size() + " axes, expected positions 1 to 3");
    }
    if (rows.isEmpty()) {
      throw xml.malformedAt(line, "pcsTable has no pcsRow");
    }
    StringBuilder tableCode = new StringBuilder(3);
    for (PcsAxis axis : axes) {
      tableCode.append(axis.values().get(0).code());
    }
    return new PcsTable(tableCode.toString(), axes, rows, line);
  }

  private PcsRow readRow() {
    long line = xml.line();
    int declared = intAttribute("codes");
    List<PcsAxis> axes = new ArrayList<>(4);
    while (xml.nextChild()) {
      if (!xml.name().equals("axis")) {
        throw unexpected();
      }
      axes.add(readAxis(axes.size() + 4, false));
    }
    if (axes.size() != 4) {
      throw xml.malformedAt(line, "pcsRow has " + axes.size() + " axes, expected positions 4 to 7");
    }
    // The codes attribute is CMS's own count of the row's codes; a mismatch means an axis lost or
    // gained a label, and the row would silently yield the wrong codes.
    long expanded = 1;
    for (PcsAxis axis : axes) {
      expanded *= axis.values().size();
    }
    if (expanded != declared) {
      throw xml.malformedAt(
          line,
          "pcsRow says codes=\"" + declared + "\" but its axes combine to " + expanded + " codes");
    }
    return new PcsRow(declared, axes, line);
  }

  /** Reads an axis; a table axis (positions 1 to 3) has exactly one value. */
  private PcsAxis readAxis(int expectedPosition, boolean tableAxis) {
    long line = xml.line();
    int position = intAttribute("pos");
    if (position != expectedPosition) {
      throw xml.malformedAt(
          line, "axis pos=\"" + position + "\" where pos " + expectedPosition + " is due");
    }
    int declared = intAttribute("values");
    String axisTitle = null;
    String definition = null;
    List<PcsAxisValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "title" -> {
          if (axisTitle != null) {
            throw unexpected();
          }
          axisTitle = xml.text();
        }
        case "label" -> {
          String code = xml.attribute("code");
          if (code == null || !VALUE.matcher(code).matches()) {
            throw xml.malformed("label code=\"" + code + "\" is not a PCS character value");
          }
          if (!seen.add(code)) {
            throw xml.malformed("axis " + position + " lists value " + code + " twice");
          }
          values.add(new PcsAxisValue(code, xml.text()));
        }
        case "definition" -> {
          if (definition != null) {
            throw unexpected();
          }
          definition = xml.text();
        }
        default -> throw unexpected();
      }
    }
    if (axisTitle == null) {
      throw xml.malformedAt(line, "axis " + position + " has no title");
    }
    if (values.size() != declared) {
      throw xml.malformedAt(
          line, "axis " + position + " says values=\"" + declared + "\" but has " + values.size());
    }
    if (values.isEmpty() || (tableAxis && values.size() != 1)) {
      throw xml.malformedAt(line, "axis " + position + " has " + values.size() + " values");
    }
    return new PcsAxis(position, axisTitle, values, definition);
  }

  private int intAttribute(String name) {
    String value = xml.attribute(name);
    try {
      if (value != null) {
        return Integer.parseInt(value);
      }
    } catch (NumberFormatException e) {
      // reported below with the element's line
    }
    throw xml.malformed(
        "<" + xml.name() + "> needs a numeric " + name + " attribute, has " + value);
  }

  private MalformedFileException unexpected() {
    return xml.malformed("unexpected <" + xml.name() + "> in the tables layout");
  }
}
