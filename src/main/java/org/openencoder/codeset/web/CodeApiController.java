package org.openencoder.codeset.web;

import java.util.List;
import java.util.Map;
import org.openencoder.accounts.Metered;
import org.openencoder.codeset.CodePage;
import org.openencoder.codeset.CodePages;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for codes and releases. */
@RestController
@RequestMapping("/api/v1")
class CodeApiController {

  private final CodePages codePages;
  private final CodeSets codeSets;

  CodeApiController(CodePages codePages, CodeSets codeSets) {
    this.codePages = codePages;
    this.codeSets = codeSets;
  }

  /** The same facts as the code page; 404 (with nearest codes) when the code is not listed. */
  @GetMapping("/codes/{system}/{code}")
  @Metered(Metered.Kind.CODE_API)
  ResponseEntity<CodePage> code(
      @PathVariable String system,
      @PathVariable String code,
      @RequestParam(required = false) String date) {
    CodePageController.requireReady(codeSets);
    CodePage page =
        codePages.page(CodePageController.system(system), code, CodePageController.date(date));
    return ResponseEntity.status(page.found() ? HttpStatus.OK : HttpStatus.NOT_FOUND).body(page);
  }

  /**
   * Every imported release: data set, version, effective period, source files with sha256, counts
   * and the expected files that are missing.
   */
  @GetMapping("/releases")
  Map<String, Object> releases() {
    List<Release> all = codeSets.allReleases();
    return Map.of("ready", codeSets.ready(), "releases", all);
  }
}
