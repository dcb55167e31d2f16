package org.openencoder.codeset.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openencoder.codeset.CodeSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On start the node imports whatever releases are new (none after the first start), then loads the
 * active ones into memory. It starts as soon as the database is migrated and every bean exists, so
 * it overlaps the web server's own start-up; the status page shows its progress and readiness turns
 * UP when it is done.
 */
@Component
class StartupImport implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

  private final ReleaseImports imports;
  private final CodeSets codeSets;
  private final CodeSetProperties properties;

  StartupImport(ReleaseImports imports, CodeSets codeSets, CodeSetProperties properties) {
    this.imports = imports;
    this.codeSets = codeSets;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Thread thread = new Thread(this::run, "release-import");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Instant start = Instant.now();
    try {
      if (properties.importOnStart()) {
        List<ReleaseImports.Outcome> outcomes = imports.importAll();
        long imported =
            outcomes.stream().filter(o -> o.kind() == ReleaseImports.Outcome.Kind.IMPORTED).count();
        log.info("Import done: {} release(s) imported, {} checked", imported, outcomes.size());
      }
      codeSets.reload();
      log.info(
          "Active releases loaded in {} ms; ready",
          Duration.between(start, Instant.now()).toMillis());
    } catch (RuntimeException e) {
      log.error("Start-up import failed", e);
      codeSets.reportLoadFailure(e.getMessage());
    }
  }
}
