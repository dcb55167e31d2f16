package org.openencoder.codeset.web;

import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.persistence.JdbcImportRuns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The status page: import progress, every release with its files, counts and missing files. */
@Controller
class ReleasesController {

  private final CodeSets codeSets;
  private final JdbcImportRuns runs;

  ReleasesController(CodeSets codeSets, JdbcImportRuns runs) {
    this.codeSets = codeSets;
    this.runs = runs;
  }

  @GetMapping("/releases")
  String releases(Model model) {
    model.addAttribute("ready", codeSets.ready());
    model.addAttribute("failure", codeSets.loadFailure().orElse(null));
    model.addAttribute("run", runs.latest().orElse(null));
    model.addAttribute("releases", codeSets.allReleases());
    return "releases/status";
  }
}
