package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads the CMS ICD-10-PCS definitions, {@code icd10pcs_definitions_<year>.xml} (root {@code
 * ICD10PCS.definitions}): what each operation, approach, body part, device or substance value
 * means, and which everyday terms it includes.
 *
 * <p>The layout, as CMS ships it:
 *
 * <pre>{@code
 * <ICD10PCS.definitions>
 *   <version>2026</version> <title>2026 ICD-10-PCS Definitions</title>
 *   <section code="0"> <title>Medical and Surgical</title>
 *     <axis pos="3"> <title>Operation</title>
 *       <terms> <title>Bypass</title>
 *         <definition>Altering the route ...</definition>
 *         <explanation>Rerouting contents ...</explanation>
 *         <includes>Coronary artery bypass, colostomy formation</includes> </terms>
 *     <axis pos="4"> <title>Body Part</title>
 *       <terms> <title>1st Toe, Left</title> <title>1st Toe, Right</title>
 *         <includes>Hallux</includes> </terms>
 *   ...
 *   <deviceAggregation>
 *     <aggregate> <device>Autologous Arterial Tissue</device>
 *       <operation>All applicable</operation> <bodySys>Heart and Great Vessels</bodySys> ...
 *       <parent value="7">Autologous Tissue Substitute</parent> </aggregate>
 * }</pre>
 *
 * Sections are keyed by the first character of the code and axes by character position, as in the
 * tables. One {@code terms} element may carry several titles: the body part and device axes group
 * the values that share their includes (left and right, or all the sizes of one device).
 *
 * <p>The reader is pure and forward-only: it reads the header when constructed, streams the
 * definitions, and then reads the device aggregation table that closes the file. It does not close
 * the input stream, which belongs to the caller.
 */
final class Icd10PcsDefinitionsReader extends Icd10PcsXmlReader {

  private final String fileName;

  private @Nullable String sectionCode;
  private @Nullable String sectionTitle;
  private int axisPosition;
  private @Nullable String axisTitle;
  private boolean atDeviceAggregation;
  private boolean finished;
  private boolean aggregatesRead;

  /**
   * One {@code terms} element: the values it names ({@code terms}, one or more titles), and what
   * the file says of them. Operations and approaches have a {@code definition}; body parts and
   * devices mostly have only {@code includes}, each one entry as the file gives it (an operation's
   * single includes is a comma-separated list of examples, kept whole).
   */
  record PcsDefinition(
      String sectionCode,
      String sectionTitle,
      int axisPosition,
      String axisTitle,
      List<String> terms,
      @Nullable String definition,
      @Nullable String explanation,
      List<String> includes,
      long line) {
    PcsDefinition {
      terms = List.copyOf(terms);
      includes = List.copyOf(includes);
    }
  }

  /**
   * One row of the device aggregation table: in the given operation and body systems, the specific
   * {@code device} rolls up to the general device value {@code parentCode} ("parent"), which is the
   * character the code carries in position 6. {@code operation} may be "All applicable".
   */
  record PcsDeviceAggregate(
      String device,
      String operation,
      List<String> bodySystems,
      String parentCode,
      String parent,
      long line) {
    PcsDeviceAggregate {
      bodySystems = List.copyOf(bodySystems);
    }
  }

  /** Opens the file and reads its header; {@code fileName} names it in error messages. */
  Icd10PcsDefinitionsReader(InputStream in, String fileName) {
    super(in, fileName, "ICD10PCS.definitions");
    this.fileName = fileName;
  }

  /** The definitions in file order; the stream reads the file lazily and can be consumed once. */
  Stream<PcsDefinition> definitions() {
    return stream(this::nextDefinition);
  }

  /**
   * The device aggregation table. It follows the sections in the file, so any definitions not yet
   * read are skipped; call it once, after {@link #definitions()} if both are wanted.
   */
  List<PcsDeviceAggregate> deviceAggregates() {
    if (aggregatesRead) {
      throw new IllegalStateException("the device aggregation table of " + fileName + " was read");
    }
    aggregatesRead = true;
    while (nextDefinition() != null) {
      // skip to the table, which comes after the last section
    }
    List<PcsDeviceAggregate> aggregates = new ArrayList<>();
    if (!atDeviceAggregation) {
      return aggregates;
    }
    while (xml.nextChild()) {
      if (!xml.name().equals("aggregate")) {
        throw unexpected();
      }
      aggregates.add(readAggregate());
    }
    atDeviceAggregation = false;
    if (xml.nextChild()) {
      throw unexpected();
    }
    finished = true;
    return aggregates;
  }

  private @Nullable PcsDefinition nextDefinition() {
    while (!finished && !atDeviceAggregation) {
      if (!xml.nextChild()) {
        switch (xml.name()) {
          case "section" -> {
            sectionCode = null;
            sectionTitle = null;
          }
          case "axis" -> axisTitle = null;
          default -> finished = true; // the root
        }
        continue;
      }
      switch (xml.name()) {
        case "section" -> {
          if (sectionCode != null) {
            throw unexpected();
          }
          sectionCode = requiredAttribute("code");
          sectionTitle = xml.childText("title");
        }
        case "axis" -> {
          if (sectionCode == null || axisTitle != null) {
            throw unexpected();
          }
          axisPosition = positionAttribute();
          axisTitle = xml.childText("title");
        }
        case "terms" -> {
          String section = sectionCode;
          String sectionName = sectionTitle;
          String axisName = axisTitle;
          if (section == null || sectionName == null || axisName == null) {
            throw unexpected();
          }
          return readTerms(section, sectionName, axisName);
        }
        case "deviceAggregation" -> {
          if (sectionCode != null) {
            throw unexpected();
          }
          atDeviceAggregation = true;
        }
        default -> throw unexpected();
      }
    }
    return null;
  }

  private PcsDefinition readTerms(String section, String sectionName, String axisName) {
    long line = xml.line();
    List<String> terms = new ArrayList<>();
    String definition = null;
    String explanation = null;
    List<String> includes = new ArrayList<>();
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "title" -> terms.add(xml.text());
        case "definition" -> {
          if (definition != null) {
            throw unexpected();
          }
          definition = xml.text();
        }
        case "explanation" -> {
          if (explanation != null) {
            throw unexpected();
          }
          explanation = xml.text();
        }
        case "includes" -> includes.add(xml.text());
        default -> throw unexpected();
      }
    }
    if (terms.isEmpty()) {
      throw xml.malformedAt(line, "terms without a title");
    }
    return new PcsDefinition(
        section,
        sectionName,
        axisPosition,
        axisName,
        terms,
        definition,
        explanation,
        includes,
        line);
  }

  private PcsDeviceAggregate readAggregate() {
    long line = xml.line();
    String device = null;
    String operation = null;
    List<String> bodySystems = new ArrayList<>();
    String parentCode = null;
    String parent = null;
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "device" -> {
          if (device != null) {
            throw unexpected();
          }
          device = xml.text();
        }
        case "operation" -> {
          if (operation != null) {
            throw unexpected();
          }
          operation = xml.text();
        }
        case "bodySys" -> bodySystems.add(xml.text());
        case "parent" -> {
          if (parent != null) {
            throw unexpected();
          }
          parentCode = requiredAttribute("value");
          parent = xml.text();
        }
        default -> throw unexpected();
      }
    }
    if (device == null || operation == null || parentCode == null || parent == null) {
      throw xml.malformedAt(line, "aggregate needs a device, an operation and a parent");
    }
    return new PcsDeviceAggregate(device, operation, bodySystems, parentCode, parent, line);
  }

  private String requiredAttribute(String name) {
    String value = xml.attribute(name);
    if (value == null || value.isBlank()) {
      throw xml.malformed("<" + xml.name() + "> needs a " + name + " attribute");
    }
    return value.trim();
  }

  private int positionAttribute() {
    String value = requiredAttribute("pos");
    try {
      int position = Integer.parseInt(value);
      // A PCS code has 7 characters; 1 (section) is named by the section element itself.
      if (position >= 2 && position <= 7) {
        return position;
      }
    } catch (NumberFormatException e) {
      // reported below with the element's line
    }
    throw xml.malformed("axis pos=\"" + value + "\" is not 2 to 7");
  }

  private MalformedFileException unexpected() {
    return xml.malformed("unexpected <" + xml.name() + "> in the definitions layout");
  }
}
