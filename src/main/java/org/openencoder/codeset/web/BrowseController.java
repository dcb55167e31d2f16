package org.openencoder.codeset.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * Browsing a code set: ICD-10-CM by chapter and section (by letter when the Tabular List is not
 * loaded), ICD-10-PCS by section and table, HCPCS and CPT by range.
 */
@Controller
class BrowseController {

  private static final int PAGE_LIMIT = 2000;

  private final CodeSets codeSets;
  private final JdbcReleaseStore store;

  BrowseController(CodeSets codeSets, JdbcReleaseStore store) {
    this.codeSets = codeSets;
    this.store = store;
  }

  @GetMapping("/browse/{system}")
  String groups(
      @PathVariable String system, @RequestParam(required = false) String date, Model model) {
    CodeSystem codeSystem = CodePageController.system(system);
    CodeCatalog catalog = catalog(codeSystem, CodePageController.date(date));
    model.addAttribute("system", codeSystem);
    model.addAttribute("release", catalog.release());
    model.addAttribute("date", date);
    model.addAttribute("groups", groups(codeSystem, catalog));
    return "codes/browse";
  }

  @GetMapping("/browse/{system}/{group}")
  String group(
      @PathVariable String system,
      @PathVariable String group,
      @RequestParam(required = false) String date,
      Model model) {
    CodeSystem codeSystem = CodePageController.system(system);
    CodeCatalog catalog = catalog(codeSystem, CodePageController.date(date));
    Group found =
        groups(codeSystem, catalog).stream()
            .filter(g -> g.key().equalsIgnoreCase(group))
            .findFirst()
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "No group '" + group + "' in " + catalog.release().title()));
    model.addAttribute("system", codeSystem);
    model.addAttribute("release", catalog.release());
    model.addAttribute("date", date);
    model.addAttribute("group", found);
    model.addAttribute("sections", sections(codeSystem, catalog, found));
    return "codes/browse-group";
  }

  private CodeCatalog catalog(CodeSystem system, LocalDate date) {
    CodePageController.requireReady(codeSets);
    Optional<Release> release =
        date == null
            ? codeSets.newestWithCodes(system.dataset())
            : codeSets.inForce(system.dataset(), date);
    return release
        .flatMap(r -> codeSets.catalog(r.id()))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "No "
                        + system.displayName()
                        + " release with a code list is loaded"
                        + (date == null ? "" : " for " + date)));
  }

  /** A browsable group: a chapter, a letter, a PCS section or a CPT range. */
  record Group(String key, String label, String first, String last) {}

  /** Codes under a heading within a group (a Tabular List section, or the whole group). */
  record Section(String heading, List<CodeEntry> codes) {}

  private List<Group> groups(CodeSystem system, CodeCatalog catalog) {
    List<Group> groups = new ArrayList<>();
    if (system == CodeSystem.ICD10CM) {
      Map<String, String> chapters = store.documents(catalog.release().id(), "cm-chapter");
      if (!chapters.isEmpty()) {
        chapters.entrySet().stream()
            .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(num(a), num(b))))
            .forEach(
                e -> {
                  JsonNode chapter = store.json().readTree(e.getValue());
                  groups.add(
                      new Group(
                          e.getKey(),
                          "Chapter " + e.getKey() + ". " + chapter.path("desc").asString(""),
                          chapter.path("first").asString(""),
                          chapter.path("last").asString("")));
                });
        return groups;
      }
    }
    if (system == CodeSystem.HCPCS) {
      groups.add(new Group("modifiers", "Modifiers", "", ""));
    }
    Map<String, List<CodeEntry>> byFirst =
        catalog.entries().stream()
            .filter(e -> e.kind() != CodeEntry.Kind.MODIFIER)
            .collect(
                Collectors.groupingBy(
                    e -> e.code().substring(0, 1), LinkedHashMap::new, Collectors.toList()));
    byFirst.keySet().stream()
        .sorted()
        .forEach(
            first -> {
              List<CodeEntry> codes = byFirst.get(first);
              String label =
                  switch (system) {
                    case ICD10PCS -> "Section " + first + ". " + pcsSectionTitle(catalog, first);
                    case CPT -> first + "xxxx codes";
                    default -> first + " codes";
                  };
              groups.add(
                  new Group(
                      first,
                      label + " (" + codes.size() + ")",
                      codes.get(0).code(),
                      codes.get(codes.size() - 1).code()));
            });
    return groups;
  }

  private String pcsSectionTitle(CodeCatalog catalog, String section) {
    return catalog.entries().stream()
        .filter(e -> e.code().startsWith(section) && e.code().length() == 3)
        .findFirst()
        .flatMap(e -> store.codeDetail(catalog.release().id(), e.code()))
        .map(d -> store.json().readTree(d).path("tableAxes").path(0).path("values").path(0))
        .map(v -> v.path("label").asString(""))
        .orElse("");
  }

  private List<Section> sections(CodeSystem system, CodeCatalog catalog, Group group) {
    List<Section> sections = new ArrayList<>();
    if (system == CodeSystem.ICD10CM
        && !group.first().isEmpty()
        && group.first().length() == 3
        && !store.documents(catalog.release().id(), "cm-chapter").isEmpty()) {
      JsonNode chapter =
          store
              .json()
              .readTree(
                  store.document(catalog.release().id(), "cm-chapter", group.key()).orElseThrow());
      for (JsonNode section : chapter.path("sections")) {
        String first = section.path("first").asString("");
        String last = section.path("last").asString("");
        List<CodeEntry> categories =
            catalog.range(first, last + "~", PAGE_LIMIT).stream()
                .filter(e -> e.code().length() == 3)
                .toList();
        if (!categories.isEmpty()) {
          sections.add(
              new Section(
                  section.path("id").asString("") + " " + section.path("desc").asString(""),
                  categories));
        }
      }
      return sections;
    }
    List<CodeEntry> codes;
    if (group.key().equals("modifiers")) {
      codes = catalog.entries().stream().filter(e -> e.kind() == CodeEntry.Kind.MODIFIER).toList();
    } else {
      codes =
          catalog.entries().stream()
              .filter(e -> e.code().startsWith(group.key()))
              .filter(
                  e -> e.parent() == null || system == CodeSystem.HCPCS || system == CodeSystem.CPT)
              .filter(e -> e.kind() != CodeEntry.Kind.MODIFIER)
              .limit(PAGE_LIMIT)
              .toList();
    }
    sections.add(new Section(group.label(), codes));
    return sections;
  }

  private static int num(String chapter) {
    try {
      return Integer.parseInt(chapter);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
