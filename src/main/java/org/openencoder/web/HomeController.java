package org.openencoder.web;

import java.util.Arrays;
import java.util.List;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: open a code, browse a code set, see which releases answer. */
@Controller
class HomeController {

  private final CodeSets codeSets;

  HomeController(CodeSets codeSets) {
    this.codeSets = codeSets;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("ready", codeSets.ready());
    model.addAttribute(
        "systems",
        Arrays.stream(CodeSystem.values())
            .map(s -> new SystemSummary(s, codeSets.newestWithCodes(s.dataset()).orElse(null)))
            .toList());
    return "web/home";
  }

  /** The header's "go to code" box: opens the code in the system the code's shape fits. */
  @GetMapping("/go")
  String go(
      @RequestParam(defaultValue = "") String code, @RequestParam(required = false) String system) {
    String normalized = CodeSystem.normalize(code);
    List<CodeSystem> candidates =
        system != null
            ? CodeSystem.fromSlug(system).stream().toList()
            : Arrays.stream(CodeSystem.values())
                .filter(s -> s.hasShape(normalized))
                .filter(s -> !codeSets.releasesListing(s, normalized).isEmpty())
                .toList();
    CodeSystem target =
        candidates.isEmpty()
            ? (CodeSystem.CPT.hasShape(normalized) ? CodeSystem.CPT : CodeSystem.ICD10CM)
            : candidates.get(0);
    return "redirect:/codes/" + target.slug() + "/" + (normalized.isEmpty() ? "-" : normalized);
  }

  record SystemSummary(CodeSystem system, Release newest) {}
}
