package org.openencoder.codeset.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openencoder.accounts.Metered;
import org.openencoder.codeset.CodePage;
import org.openencoder.codeset.CodePages;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Code pages: /codes/{system}/{code}, with or without the dot, for a date of service. */
@Controller
class CodePageController {

  private final CodePages codePages;
  private final CodeSets codeSets;

  CodePageController(CodePages codePages, CodeSets codeSets) {
    this.codePages = codePages;
    this.codeSets = codeSets;
  }

  @GetMapping("/codes/{system}/{code}")
  @Metered(Metered.Kind.CODE_PAGE)
  String page(
      @PathVariable String system,
      @PathVariable String code,
      @RequestParam(required = false) String date,
      Model model,
      HttpServletResponse response) {
    requireReady(codeSets);
    CodeSystem codeSystem = system(system);
    CodePage page = codePages.page(codeSystem, code, date(date));
    model.addAttribute("page", page);
    model.addAttribute("date", date);
    if (!page.found()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "codes/not-found";
    }
    return "codes/page";
  }

  /** The 7th-character builder's answer (an htmx fragment): the full code a choice makes. */
  @GetMapping("/codes/{system}/{code}/seventh")
  String seventh(
      @PathVariable String system,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String character,
      @RequestParam(required = false) String date,
      Model model) {
    requireReady(codeSets);
    CodePage page = codePages.page(system(system), code, date(date));
    model.addAttribute("page", page);
    model.addAttribute(
        "choice",
        page.seventhCharacters() == null
            ? null
            : page.seventhCharacters().choices().stream()
                .filter(c -> c.character().equalsIgnoreCase(character))
                .findFirst()
                .orElse(null));
    model.addAttribute("character", character);
    model.addAttribute("date", date);
    return "codes/seventh :: result";
  }

  /** Until this node has loaded the releases, no answer would be right: say so. */
  static void requireReady(CodeSets codeSets) {
    if (!codeSets.ready()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The official releases are still being imported or loaded; see /releases and try again"
              + " shortly");
    }
  }

  static CodeSystem system(String slug) {
    return CodeSystem.fromSlug(slug)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "Unknown code system '" + slug + "': use icd10cm, icd10pcs, hcpcs or cpt"));
  }

  static LocalDate date(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "Date of service '" + date + "' is not a date like 2026-05-01");
    }
  }
}
