package org.openencoder.claims.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.ClaimSetting;
import org.openencoder.claims.InvalidClaimException;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.claims.Patient;
import org.openencoder.claims.Sex;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A claim from its JSON form (the shape of {@code POST /api/v1/claims/check}), read field by field
 * from the token stream so that every wrong field gets its own message rather than the first one
 * failing the request, and a batch builds no tree per claim.
 *
 * <p>Fields may come in any order; their errors are reported in the order of the documented shape
 * (setting, dateOfService, patient, diagnoses, lines, then what the claim itself rejects), as a
 * tree-walking reader would report them.
 */
final class ClaimJson {

  /** A claim read from JSON: its id (batch field {@code id}) and the claim or why it is not one. */
  record Read(@Nullable String id, @Nullable Claim claim, List<FieldError> errors) {}

  // Error order: the top-level field's place in the documented shape, then the line, then the
  // line field's place, then the order found.
  private static final int SETTING = 0;
  private static final int DATE = 1;
  private static final int PATIENT = 2;
  private static final int DIAGNOSES = 3;
  private static final int LINES = 4;
  private static final int CLAIM = 5;

  private static final int LINE_UNITS = 0;
  private static final int LINE_MODIFIERS = 1;
  private static final int LINE_POINTERS = 2;
  private static final int LINE_DATE = 3;
  private static final int LINE_ITSELF = 4;

  private record Ordered(long order, FieldError error) {}

  private final JsonParser parser;
  private final @Nullable CodeStrings codeStrings;
  private final List<Ordered> errors = new ArrayList<>(0);

  /** The line being read (0-based), or -1 outside the lines. */
  private int line = -1;

  private ClaimJson(JsonParser parser, @Nullable CodeStrings codeStrings) {
    this.parser = parser;
    this.codeStrings = codeStrings;
  }

  /**
   * The claim whose JSON the parser is about to read (no token read yet); the parser must hold
   * nothing after it.
   *
   * @throws InvalidClaimException with every field error
   * @throws JacksonException when the text is not JSON
   */
  static Claim read(JsonParser parser) {
    Read read = new ClaimJson(parser, null).whole();
    if (read.claim() == null) {
      throw new InvalidClaimException(read.errors());
    }
    return read.claim();
  }

  /** The claim in a JSON tree (the page's form, a CSV row group). */
  static Claim read(JsonNode node) {
    try (JsonParser tokens = node.traverse(ObjectReadContext.empty())) {
      return read(tokens);
    }
  }

  /**
   * A batch claim: the claim or its field errors, and its id; bad JSON is one error on the whole
   * claim, never an exception.
   */
  static Read readBatchClaim(JsonParser parser, CodeStrings codeStrings) {
    ClaimJson reader = new ClaimJson(parser, codeStrings);
    try {
      return reader.whole();
    } catch (JacksonException e) {
      return new Read(
          reader.id,
          null,
          List.of(new FieldError("", "not valid JSON: " + e.getOriginalMessage())));
    }
  }

  private @Nullable String id;
  private @Nullable String settingText;
  private @Nullable LocalDate date;
  private @Nullable Patient patient;
  private @Nullable String placeOfService;
  private List<String> diagnoses = new ArrayList<>(0);
  private final List<ClaimLine> lines = new ArrayList<>(5);

  private Read whole() {
    JsonToken root = parser.nextToken();
    if (root != JsonToken.START_OBJECT) {
      skipValue();
      requireEnd();
      return new Read(null, null, List.of(new FieldError("", "a claim is a JSON object")));
    }
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "id" -> id = token.isScalarValue() && token != JsonToken.VALUE_NULL ? text() : skip();
        case "setting" -> settingText = textValue();
        case "dateOfService" -> date = date(textValue(), "dateOfService", order(DATE, 0, 0));
        case "patient" -> patient = patient();
        case "placeOfService" -> placeOfService = textValue();
        case "diagnoses" -> diagnoses = strings("diagnoses", order(DIAGNOSES, 0, 0));
        case "lines" -> lines();
        default -> skipValue();
      }
    }
    requireEnd();
    ClaimSetting setting = setting();
    if (!errors.isEmpty()) {
      return new Read(id, null, sortedErrors());
    }
    try {
      return new Read(
          id, new Claim(setting, date, patient, placeOfService, diagnoses, lines), List.of());
    } catch (InvalidClaimException e) {
      for (FieldError error : e.errors()) {
        add(order(CLAIM, 0, 0), error);
      }
      return new Read(id, null, sortedErrors());
    }
  }

  private @Nullable ClaimSetting setting() {
    if (settingText == null) {
      add(
          order(SETTING, 0, 0),
          new FieldError(
              "setting", "required: practitioner, outpatient-hospital, dme or inpatient"));
      return null;
    }
    ClaimSetting setting = ClaimSetting.of(settingText).orElse(null);
    if (setting == null) {
      add(
          order(SETTING, 0, 0),
          new FieldError(
              "setting",
              "'"
                  + settingText
                  + "' is not a setting: practitioner, outpatient-hospital, dme or inpatient"));
    }
    return setting;
  }

  private @Nullable Patient patient() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      skipValue();
      add(
          order(PATIENT, 0, 0),
          new FieldError("patient", "an object: {\"age\": 45, \"sex\": \"F\"}"));
      return null;
    }
    int before = errors.size();
    Integer age = null;
    LocalDate birthDate = null;
    String sexText = null;
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      parser.nextToken();
      switch (name) {
        case "age" -> age = integer("patient.age", order(PATIENT, 0, 0));
        case "birthDate" ->
            birthDate = date(textValue(), "patient.birthDate", order(PATIENT, 0, 1));
        case "sex" -> sexText = textValue();
        default -> skipValue();
      }
    }
    Sex sex = null;
    if (sexText != null) {
      sex = Sex.of(sexText).orElse(null);
      if (sex == null) {
        add(
            order(PATIENT, 0, 2),
            new FieldError("patient.sex", "F, M or U, not '" + sexText + "'"));
      }
    }
    try {
      Patient read = new Patient(age, birthDate, sex);
      return errors.size() == before ? read : null;
    } catch (InvalidClaimException e) {
      for (FieldError error : e.under("patient").errors()) {
        add(order(PATIENT, 0, 3), error);
      }
      return null;
    }
  }

  private void lines() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_ARRAY) {
      skipValue();
      add(order(LINES, 0, 0), new FieldError("lines", "a list of service lines"));
      return;
    }
    lines.clear();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      ClaimLine line = line(index);
      if (line != null) {
        lines.add(line);
      }
      index++;
    }
  }

  private @Nullable ClaimLine line(int index) {
    line = index;
    try {
      return lineFields(index);
    } finally {
      line = -1;
    }
  }

  private @Nullable ClaimLine lineFields(int index) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      skipValue();
      add(
          order(LINES, index, LINE_UNITS),
          new FieldError(at(""), "a service line is an object with code and units"));
      return null;
    }
    int before = errors.size();
    String code = null;
    Integer units = null;
    boolean unitsGiven = false;
    List<String> modifiers = List.of();
    List<Integer> pointers = List.of();
    LocalDate lineDate = null;
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "code" -> code = codeValue();
        case "units" -> {
          // A line without units (or with null) bills one unit, as on the CMS-1500.
          unitsGiven = token != JsonToken.VALUE_NULL;
          units = integer("units", order(LINES, index, LINE_UNITS));
        }
        case "modifiers" -> modifiers = strings("modifiers", order(LINES, index, LINE_MODIFIERS));
        case "diagnosisPointers" -> pointers = pointers(order(LINES, index, LINE_POINTERS));
        case "dateOfService" ->
            lineDate = date(textValue(), "dateOfService", order(LINES, index, LINE_DATE));
        default -> skipValue();
      }
    }
    if (!unitsGiven) {
      units = 1;
    }
    try {
      ClaimLine line =
          new ClaimLine(code, modifiers, units == null ? 0 : units, pointers, lineDate);
      return errors.size() == before ? line : null;
    } catch (InvalidClaimException e) {
      String path = at("");
      for (FieldError error : e.under(path).errors()) {
        // A units field that was not a number already has its message.
        if (!(units == null && error.field().equals(path + ".units"))) {
          add(order(LINES, index, LINE_ITSELF), error);
        }
      }
      return null;
    }
  }

  private List<Integer> pointers(long order) {
    JsonToken token = parser.currentToken();
    List<Integer> pointers = new ArrayList<>(2);
    if (token == JsonToken.VALUE_NULL) {
      return pointers;
    }
    if (token != JsonToken.START_ARRAY) {
      skipValue();
      add(order, new FieldError(at("diagnosisPointers"), "a list of numbers: [1, 2]"));
      return pointers;
    }
    int i = 0;
    for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        add(
            order,
            new FieldError(
                at("diagnosisPointers") + "[" + i + "]", "a number, not " + valueAsJson()));
      } else {
        pointers.add(parser.getIntValue());
      }
      i++;
    }
    return pointers;
  }

  private List<String> strings(String field, long order) {
    JsonToken token = parser.currentToken();
    List<String> values = new ArrayList<>(4);
    if (token == JsonToken.VALUE_NULL) {
      return values;
    }
    if (token != JsonToken.START_ARRAY) {
      skipValue();
      add(order, new FieldError(at(field), "a list: [\"E11.9\", \"I10\"]"));
      return values;
    }
    int i = 0;
    for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        add(order, new FieldError(at(field) + "[" + i + "]", "a string, not " + valueAsJson()));
      } else {
        values.add(code());
      }
      i++;
    }
    return values;
  }

  /** A code field: as {@link #textValue}, a string being one of the batch's shared strings. */
  private @Nullable String codeValue() {
    return parser.currentToken() == JsonToken.VALUE_STRING ? code().strip() : textValue();
  }

  private String code() {
    if (codeStrings == null) {
      return parser.getString();
    }
    return codeStrings.of(
        parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
  }

  /**
   * The codes of a batch as shared Strings: a batch names the same few thousand codes over and
   * over, so a code read once is the same String in every claim after it, with no copy and its hash
   * computed once for the checker's lookups. One per thread: it is not thread-safe.
   */
  static final class CodeStrings {
    private static final int LONGEST = 16;
    private final String[] slots = new String[1 << 12];

    String of(char[] chars, int offset, int length) {
      if (length > LONGEST) {
        return new String(chars, offset, length);
      }
      int hash = 0;
      for (int i = offset; i < offset + length; i++) {
        hash = 31 * hash + chars[i];
      }
      int slot = (hash ^ (hash >>> 12)) & (slots.length - 1);
      String known = slots[slot];
      if (known != null && known.length() == length && same(known, chars, offset)) {
        return known;
      }
      String code = new String(chars, offset, length);
      slots[slot] = code;
      return code;
    }

    private static boolean same(String known, char[] chars, int offset) {
      for (int i = 0; i < known.length(); i++) {
        if (known.charAt(i) != chars[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** A text field: a string, or any other value as its JSON text; null when null or blank. */
  private @Nullable String textValue() {
    JsonToken token = parser.currentToken();
    String text;
    if (token == JsonToken.VALUE_STRING) {
      text = parser.getString();
    } else if (token == JsonToken.VALUE_NULL) {
      return null;
    } else {
      text = valueAsJson();
    }
    return text.isBlank() ? null : text.strip();
  }

  private @Nullable Integer integer(String field, long order) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getString().strip();
      if (isWholeNumber(text)) {
        return Integer.parseInt(text);
      }
    }
    add(order, new FieldError(at(field), "a whole number, not " + valueAsJson()));
    return null;
  }

  /** Up to nine digits, with a minus sign or not: what a CSV cell or a quoted number may hold. */
  static boolean isWholeNumber(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 9) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private @Nullable LocalDate date(@Nullable String text, String field, long order) {
    if (text == null) {
      return null;
    }
    try {
      // YYYY-MM-DD read by hand: LocalDate.parse builds a map of fields per date, which a batch
      // of claims pays for every claim. Other forms (a signed year) still go to the ISO parser.
      return isIsoDate(text)
          ? LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
          : LocalDate.parse(text);
    } catch (DateTimeException e) {
      add(
          order,
          new FieldError(
              at(field),
              isIsoDate(text)
                  ? "impossible date '" + text + "': there is no such day"
                  : "a date is written YYYY-MM-DD, not '" + text + "'"));
      return null;
    }
  }

  private static boolean isIsoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** The current value as JSON text (a string quoted), for messages; reads past containers. */
  private String valueAsJson() {
    JsonToken token = parser.currentToken();
    if (token.isStructStart()) {
      JsonNode tree = parser.readValueAsTree();
      return tree.toString();
    }
    if (token == JsonToken.VALUE_STRING) {
      return JsonNodeFactory.instance.stringNode(parser.getString()).toString();
    }
    return parser.getText();
  }

  private String text() {
    return parser.getText();
  }

  private @Nullable String skip() {
    skipValue();
    return null;
  }

  private void skipValue() {
    parser.skipChildren();
  }

  /** A claim is one JSON value: anything after it is not JSON Lines. */
  private void requireEnd() {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new tools.jackson.core.exc.StreamReadException(
          parser, "Trailing token (of type " + after + ") found after the claim");
    }
  }

  /**
   * A field's path in the claim JSON ("lines[2].units"), built only for an error: a valid claim
   * makes no path strings.
   */
  private String at(String field) {
    if (line < 0) {
      return field;
    }
    return "lines[" + line + "]" + (field.isEmpty() ? "" : "." + field);
  }

  private static long order(int field, int line, int lineField) {
    return ((long) field << 40) | ((long) line << 8) | lineField;
  }

  private void add(long order, FieldError error) {
    errors.add(new Ordered(order, error));
  }

  private List<FieldError> sortedErrors() {
    // List.sort is stable: errors of one field keep the order they were found in.
    errors.sort(Comparator.comparingLong(Ordered::order));
    return errors.stream().map(Ordered::error).toList();
  }
}
