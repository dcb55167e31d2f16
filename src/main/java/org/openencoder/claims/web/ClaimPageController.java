package org.openencoder.claims.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.ClaimChecker;
import org.openencoder.claims.ClaimSetting;
import org.openencoder.claims.Finding;
import org.openencoder.claims.InvalidClaimException;
import org.openencoder.claims.InvalidClaimException.FieldError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The claim check page: enter a claim line by line (six lines, as on the CMS-1500) or paste its
 * JSON, and see the findings grouped by line, each with its source and fix.
 */
@Controller
class ClaimPageController {

  static final int FORM_LINES = 6;

  private final ClaimChecker checker;
  private final JsonMapper json;

  ClaimPageController(ClaimChecker checker, JsonMapper json) {
    this.checker = checker;
    this.json = json;
  }

  @GetMapping("/claims")
  String page(Model model) {
    model.addAttribute("form", ClaimForm.empty());
    model.addAttribute("settings", ClaimSetting.values());
    return "claims/check";
  }

  @PostMapping("/claims/check")
  String check(
      ClaimForm form,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    model.addAttribute("form", form);
    model.addAttribute("settings", ClaimSetting.values());
    try {
      JsonNode claim =
          form.pasted() != null && !form.pasted().isBlank()
              ? json.readTree(form.pasted())
              : form.toJson(json);
      List<Finding> findings = checker.check(ClaimJson.read(claim));
      model.addAttribute("groups", groups(findings));
      model.addAttribute("count", findings.size());
    } catch (JacksonException e) {
      model.addAttribute(
          "errors", List.of(new FieldError("claim", "not valid JSON: " + e.getOriginalMessage())));
    } catch (InvalidClaimException e) {
      model.addAttribute("errors", e.errors());
    }
    return htmx != null ? "claims/check :: results" : "claims/check";
  }

  /** Findings by the lines they name, line 1 first; claim-level findings last. */
  static List<FindingGroup> groups(List<Finding> findings) {
    Map<String, List<Finding>> byLines = new LinkedHashMap<>();
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        (a, b) ->
            Integer.compare(
                a.lines().isEmpty() ? Integer.MAX_VALUE : a.lines().get(0),
                b.lines().isEmpty() ? Integer.MAX_VALUE : b.lines().get(0)));
    for (Finding finding : sorted) {
      String label =
          finding.lines().isEmpty()
              ? "Claim"
              : (finding.lines().size() == 1 ? "Line " : "Lines ")
                  + String.join(", ", finding.lines().stream().map(String::valueOf).toList());
      byLines.computeIfAbsent(label, k -> new ArrayList<>()).add(finding);
    }
    return byLines.entrySet().stream()
        .map(e -> new FindingGroup(e.getKey(), e.getValue()))
        .toList();
  }

  record FindingGroup(String label, List<Finding> findings) {}

  /** The page's form: claim fields and up to six lines, or a pasted JSON claim. */
  record ClaimForm(
      @Nullable String setting,
      @Nullable String dateOfService,
      @Nullable String age,
      @Nullable String sex,
      @Nullable String placeOfService,
      @Nullable String diagnoses,
      @Nullable List<String> code,
      @Nullable List<String> modifiers,
      @Nullable List<String> units,
      @Nullable List<String> pointers,
      @Nullable String pasted) {

    static ClaimForm empty() {
      return new ClaimForm(
          "practitioner", null, null, null, null, null, null, null, null, null, null);
    }

    /** The value of a line field in the form, "" past the end. */
    public String at(@Nullable List<String> values, int index) {
      return values == null || index >= values.size() || values.get(index) == null
          ? ""
          : values.get(index);
    }

    public List<Integer> rows() {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < FORM_LINES; i++) {
        rows.add(i);
      }
      return rows;
    }

    JsonNode toJson(JsonMapper json) {
      ObjectNode claim = json.createObjectNode();
      put(claim, "setting", setting);
      put(claim, "dateOfService", dateOfService);
      put(claim, "placeOfService", placeOfService);
      ObjectNode patient = json.createObjectNode();
      if (age != null && age.strip().matches("[0-9]{1,3}")) {
        patient.put("age", Integer.parseInt(age.strip()));
      } else {
        put(patient, "age", age);
      }
      put(patient, "sex", sex);
      claim.set("patient", patient);
      claim.set("diagnoses", list(json, diagnoses, false));
      ArrayNode lines = claim.putArray("lines");
      for (int i = 0; i < FORM_LINES; i++) {
        String lineCode = at(code, i).strip();
        if (lineCode.isEmpty()) {
          continue;
        }
        ObjectNode line = lines.addObject();
        line.put("code", lineCode);
        line.set("modifiers", list(json, at(modifiers, i), false));
        String unitText = at(units, i).strip();
        if (unitText.matches("-?[0-9]{1,9}")) {
          line.put("units", Integer.parseInt(unitText));
        } else if (!unitText.isEmpty()) {
          line.put("units", unitText);
        }
        line.set("diagnosisPointers", list(json, at(pointers, i), true));
      }
      return claim;
    }

    private static void put(ObjectNode node, String name, @Nullable String value) {
      if (value != null && !value.isBlank()) {
        node.put(name, value.strip());
      }
    }

    private static ArrayNode list(JsonMapper json, @Nullable String text, boolean numbers) {
      ArrayNode list = json.createArrayNode();
      if (text != null) {
        for (String item : text.split("[,;\\s]+")) {
          if (item.isEmpty()) {
            continue;
          }
          if (numbers && item.matches("[0-9]{1,9}")) {
            list.add(Integer.parseInt(item));
          } else {
            list.add(item);
          }
        }
      }
      return list;
    }
  }
}
