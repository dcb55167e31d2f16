package org.openencoder.claims.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.ClaimSetting;
import org.openencoder.claims.InvalidClaimException;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.openencoder.claims.Patient;
import org.openencoder.claims.Sex;
import tools.jackson.databind.JsonNode;

/**
 * A claim from its JSON form (the shape of {@code POST /api/v1/claims/check}), read field by field
 * so that every wrong field gets its own message rather than the first one failing the request.
 */
final class ClaimJson {

  private final List<FieldError> errors = new ArrayList<>();

  private ClaimJson() {}

  /** The claim, or every field error it has. */
  static Claim read(JsonNode node) {
    return new ClaimJson().claim(node);
  }

  private Claim claim(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidClaimException("", "a claim is a JSON object");
    }
    ClaimSetting setting = null;
    String settingText = text(node, "setting");
    if (settingText == null) {
      errors.add(
          new FieldError(
              "setting", "required: practitioner, outpatient-hospital, dme or inpatient"));
    } else {
      setting = ClaimSetting.of(settingText).orElse(null);
      if (setting == null) {
        errors.add(
            new FieldError(
                "setting",
                "'"
                    + settingText
                    + "' is not a setting: practitioner, outpatient-hospital, dme or inpatient"));
      }
    }
    LocalDate date = date(node, "dateOfService", "dateOfService");
    Patient patient = patient(node.get("patient"));
    String placeOfService = text(node, "placeOfService");
    List<String> diagnoses = strings(node, "diagnoses", "diagnoses");
    List<ClaimLine> lines = new ArrayList<>();
    JsonNode lineNodes = node.get("lines");
    if (lineNodes != null && !lineNodes.isNull()) {
      if (!lineNodes.isArray()) {
        errors.add(new FieldError("lines", "a list of service lines"));
      } else {
        for (int i = 0; i < lineNodes.size(); i++) {
          ClaimLine line = line(lineNodes.get(i), "lines[" + i + "]");
          if (line != null) {
            lines.add(line);
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidClaimException(errors);
    }
    return new Claim(setting, date, patient, placeOfService, diagnoses, lines);
  }

  private @Nullable Patient patient(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      errors.add(new FieldError("patient", "an object: {\"age\": 45, \"sex\": \"F\"}"));
      return null;
    }
    Integer age = integer(node, "age", "patient.age");
    LocalDate birthDate = date(node, "birthDate", "patient.birthDate");
    Sex sex = null;
    String sexText = text(node, "sex");
    if (sexText != null) {
      sex = Sex.of(sexText).orElse(null);
      if (sex == null) {
        errors.add(new FieldError("patient.sex", "F, M or U, not '" + sexText + "'"));
      }
    }
    try {
      return new Patient(age, birthDate, sex);
    } catch (InvalidClaimException e) {
      errors.addAll(e.under("patient").errors());
      return null;
    }
  }

  private @Nullable ClaimLine line(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      errors.add(new FieldError(path, "a service line is an object with code and units"));
      return null;
    }
    int before = errors.size();
    String code = text(node, "code");
    Integer units = integer(node, "units", path + ".units");
    if (units == null && !node.has("units")) {
      units = 1;
    }
    List<String> modifiers = strings(node, "modifiers", path + ".modifiers");
    List<Integer> pointers = new ArrayList<>();
    JsonNode pointerNodes = node.get("diagnosisPointers");
    if (pointerNodes != null && !pointerNodes.isNull()) {
      if (!pointerNodes.isArray()) {
        errors.add(new FieldError(path + ".diagnosisPointers", "a list of numbers: [1, 2]"));
      } else {
        for (int i = 0; i < pointerNodes.size(); i++) {
          JsonNode p = pointerNodes.get(i);
          if (!p.isIntegralNumber()) {
            errors.add(
                new FieldError(
                    path + ".diagnosisPointers[" + i + "]", "a number, not " + p.toString()));
          } else {
            pointers.add(p.asInt());
          }
        }
      }
    }
    LocalDate date = date(node, "dateOfService", path + ".dateOfService");
    try {
      ClaimLine line = new ClaimLine(code, modifiers, units == null ? 0 : units, pointers, date);
      return errors.size() == before ? line : null;
    } catch (InvalidClaimException e) {
      for (FieldError error : e.under(path).errors()) {
        // A units field that was not a number already has its message.
        if (!(units == null && error.field().equals(path + ".units"))) {
          errors.add(error);
        }
      }
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.isString() ? value.asString() : value.toString();
    return text.isBlank() ? null : text.strip();
  }

  private @Nullable Integer integer(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.asInt();
    }
    if (value.isString() && value.asString().strip().matches("-?[0-9]{1,9}")) {
      return Integer.parseInt(value.asString().strip());
    }
    errors.add(new FieldError(path, "a whole number, not " + value));
    return null;
  }

  private @Nullable LocalDate date(JsonNode node, String field, String path) {
    String text = text(node, field);
    return text == null ? null : parseDate(text, path, errors);
  }

  static @Nullable LocalDate parseDate(String text, String path, List<FieldError> errors) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              path,
              text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")
                  ? "impossible date '" + text + "': there is no such day"
                  : "a date is written YYYY-MM-DD, not '" + text + "'"));
      return null;
    }
  }

  private List<String> strings(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    List<String> values = new ArrayList<>();
    if (value == null || value.isNull()) {
      return values;
    }
    if (!value.isArray()) {
      errors.add(new FieldError(path, "a list: [\"E11.9\", \"I10\"]"));
      return values;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isString()) {
        errors.add(new FieldError(path + "[" + i + "]", "a string, not " + item));
      } else {
        values.add(item.asString());
      }
    }
    return values;
  }
}
