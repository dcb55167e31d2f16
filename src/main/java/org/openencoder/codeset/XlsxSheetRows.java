package org.openencoder.codeset;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the first worksheet of an Office Open XML workbook (.xlsx), read forward.
 *
 * <p>POI's {@link XSSFReader} hands over the sheet part ({@code xl/worksheets/sheet1.xml}) and the
 * shared strings; the sheet XML is then pulled with StAX, so only one row is in memory and a reader
 * can stream its records like the text readers do. A row is {@code <row r="12">} with cells {@code
 * <c r="AB12" t="s"><v>7</v></c>}: {@code t="s"} is an index into the shared strings, {@code
 * inlineStr} keeps its text in {@code <is><t>}, no type is a number. Empty cells are usually left
 * out, so columns come from the {@code r} reference, not from cell order.
 *
 * <p>CMS stores codes and YYYYMMDD dates sometimes as text and sometimes as numbers in the same
 * column (the HCPCS file has both). A number is therefore given back as the plain digits Excel
 * shows under the General format: {@code 20080101}, not {@code 2.0080101E7}.
 *
 * <p>Public so that the readers of every module that imports official files share it.
 */
public final class XlsxSheetRows implements AutoCloseable {

  /** One worksheet row: its 1-based number and its cells by 0-based column, "" when empty. */
  public record XlsxRow(long number, List<String> cells) {
    public XlsxRow {
      cells = List.copyOf(cells);
    }

    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  private final String fileName;
  private final OPCPackage workbook;
  private final List<String> sharedStrings;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private long lastRow;

  public XlsxSheetRows(InputStream in, String fileName) {
    this.fileName = fileName;
    OPCPackage opened;
    try {
      opened = OPCPackage.open(in);
    } catch (IOException | OpenXML4JException | RuntimeException e) {
      throw new MalformedFileException(fileName, 0, "is not an .xlsx workbook", e);
    }
    this.workbook = opened;
    try {
      XSSFReader parts = new XSSFReader(workbook);
      this.sharedStrings = sharedStrings(parts);
      Iterator<InputStream> sheets = parts.getSheetsData();
      if (!sheets.hasNext()) {
        throw new MalformedFileException(fileName, 0, "the workbook has no worksheet");
      }
      this.sheet = sheets.next();
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    } catch (IOException | OpenXML4JException | XMLStreamException e) {
      workbook.revert();
      throw new MalformedFileException(fileName, 0, "the first worksheet cannot be read", e);
    } catch (RuntimeException e) {
      workbook.revert();
      throw e;
    }
  }

  /**
   * The shared strings part ({@code xl/sharedStrings.xml}): one {@code <si>} per string, its text
   * in {@code <t>} runs. Read once, as plain strings; POI's own table builds an XMLBeans rich-text
   * object for every lookup, which costs more than the whole sheet.
   */
  private static List<String> sharedStrings(XSSFReader parts)
      throws IOException, XMLStreamException {
    List<String> strings = new ArrayList<>();
    InputStream data;
    try {
      data = parts.getSharedStringsData();
    } catch (OpenXML4JException | RuntimeException e) {
      // A workbook of numbers only has no shared strings part.
      return strings;
    }
    if (data == null) {
      return strings;
    }
    try (InputStream in = data) {
      XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
            StringBuilder text = new StringBuilder();
            readRichText(xml, text);
            strings.add(text.toString());
          }
        }
      } finally {
        xml.close();
      }
    }
    return strings;
  }

  /** The next row that the sheet lists, or null after the last one. */
  public @Nullable XlsxRow next() {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          return readRow();
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw new MalformedFileException(fileName, lastRow + 1, "the worksheet XML is broken", e);
    }
  }

  private XlsxRow readRow() throws XMLStreamException {
    String reference = xml.getAttributeValue(null, "r");
    long number = reference == null ? lastRow + 1 : Long.parseLong(reference);
    lastRow = number;
    List<String> cells = new ArrayList<>();
    int column = -1;
    while (true) {
      int event = xml.nextTag();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return new XlsxRow(number, cells);
      }
      if (!xml.getLocalName().equals("c")) {
        skipElement(xml);
        continue;
      }
      String cellReference = xml.getAttributeValue(null, "r");
      column = cellReference == null ? column + 1 : columnOf(cellReference);
      String value = readCell(xml.getAttributeValue(null, "t"), number);
      while (cells.size() <= column) {
        cells.add("");
      }
      cells.set(column, value);
    }
  }

  /** The 0-based column of a cell reference such as "AB12" (A = 0, Z = 25, AA = 26). */
  private static int columnOf(String cellReference) {
    int column = 0;
    for (int i = 0; i < cellReference.length(); i++) {
      char c = cellReference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /** Reads a {@code <c>} element up to its end tag and returns the cell's text. */
  private String readCell(@Nullable String type, long row) throws XMLStreamException {
    String raw = null;
    StringBuilder inline = new StringBuilder();
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (xml.getLocalName()) {
        case "v" -> raw = xml.getElementText();
        case "is" -> readRichText(xml, inline);
        default -> skipElement(xml);
      }
    }
    if ("inlineStr".equals(type)) {
      return inline.toString();
    }
    if (raw == null) {
      return "";
    }
    if (type == null || type.equals("n")) {
      return plainNumber(raw, row);
    }
    if (type.equals("s")) {
      try {
        return sharedStrings.get(Integer.parseInt(raw.trim()));
      } catch (RuntimeException e) {
        throw new MalformedFileException(fileName, row, "bad shared string index " + raw, e);
      }
    }
    if (type.equals("b")) {
      return raw.equals("1") ? "TRUE" : "FALSE";
    }
    return raw;
  }

  /**
   * Collects the {@code <t>} runs of a string item ({@code <si>} or {@code <is>}), leaving out
   * phonetic runs; returns on the item's end tag.
   */
  private static void readRichText(XMLStreamReader xml, StringBuilder text)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (xml.getLocalName().equals("t")) {
          text.append(xml.getElementText());
        } else if (xml.getLocalName().equals("rPh")) {
          skipElement(xml);
        } else {
          depth++;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private String plainNumber(String raw, long row) {
    try {
      return new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      throw new MalformedFileException(fileName, row, "numeric cell holds " + raw, e);
    }
  }

  private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** Releases the workbook; the caller's input stream was read to its end when opening. */
  @Override
  public void close() {
    try {
      xml.close();
      sheet.close();
    } catch (XMLStreamException | IOException e) {
      // Only in-memory parts are open; nothing is lost if one fails to close.
    } finally {
      workbook.revert();
    }
  }
}
