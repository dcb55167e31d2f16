package org.openencoder.codeset.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.Release;
import org.openencoder.codeset.Release.MissingFile;
import org.openencoder.codeset.Release.SourceFileRecord;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.SourceFile;
import org.openencoder.codeset.persistence.JdbcImportRuns;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.openencoder.codeset.persistence.JdbcReleaseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports every release the registry defines whose files can be found, skipping the ones already
 * imported from the same files. Nodes that share one database take turns through an advisory lock,
 * so a release is imported once.
 */
@Service
public class ReleaseImports {

  private static final Logger log = LoggerFactory.getLogger(ReleaseImports.class);

  private final List<ReleaseImporter> importers;
  private final SourceLocator locator;
  private final JdbcReleaseStore store;
  private final JdbcImportRuns runs;

  ReleaseImports(
      List<ReleaseImporter> importers,
      SourceLocator locator,
      JdbcReleaseStore store,
      JdbcImportRuns runs) {
    this.importers = importers;
    this.locator = locator;
    this.store = store;
    this.runs = runs;
  }

  /** Runs the whole import and returns what happened to each release. */
  public List<Outcome> importAll() {
    List<ReleaseDefinition> definitions = new ArrayList<>();
    Map<ReleaseDefinition, ReleaseImporter> owner = new LinkedHashMap<>();
    for (ReleaseImporter importer : importers) {
      for (ReleaseDefinition definition : importer.definitions()) {
        definitions.add(definition);
        owner.put(definition, importer);
      }
    }
    return runs.exclusively(
        definitions.size(),
        run -> {
          run.log("Reading official files from the " + locator.origin());
          List<Outcome> outcomes = new ArrayList<>();
          for (ReleaseDefinition definition : definitions) {
            String name = definition.dataset() + " " + definition.version();
            run.step(name);
            Outcome outcome = importOne(owner.get(definition), definition, run::log);
            run.log(outcome.summary());
            outcomes.add(outcome);
          }
          Map<String, String> failed = locator.failedDownloads();
          if (!failed.isEmpty()) {
            // One message naming every file to fetch by hand, for an offline install.
            StringBuilder message =
                new StringBuilder(failed.size() + " official file(s) could not be downloaded:");
            failed.values().forEach(problem -> message.append("\n  - ").append(problem));
            run.log(message.toString());
          }
          return outcomes;
        });
  }

  Outcome importOne(
      ReleaseImporter importer, ReleaseDefinition definition, Consumer<String> progress) {
    String name = definition.title();
    Map<String, LocatedFile> found = new LinkedHashMap<>();
    List<MissingFile> missing = new ArrayList<>();
    List<SourceFileRecord> records = new ArrayList<>();
    for (SourceFile file : definition.files()) {
      SourceLocator.Result result = locator.locate(file, progress);
      if (result.file() != null) {
        LocatedFile located = result.file();
        found.put(file.role(), located);
        records.add(
            new SourceFileRecord(
                file.role(),
                located.path().getFileName().toString(),
                located.member(),
                file.officialUrl(),
                located.sha256(),
                located.bytes(),
                true,
                file.description()));
      } else {
        missing.add(new MissingFile(file.role(), file.official().displayName(), result.problem()));
        records.add(
            new SourceFileRecord(
                file.role(),
                file.official().displayName(),
                null,
                file.officialUrl(),
                null,
                null,
                false,
                file.description()));
        if (file.required()) {
          return Outcome.unavailable(
              definition,
              name
                  + ": not imported, its "
                  + file.role()
                  + " file is missing: "
                  + result.problem());
        }
      }
    }
    String fingerprint = fingerprint(found);
    Optional<Release> active = store.findActive(definition.dataset(), definition.version());
    if (active.isPresent() && active.get().fingerprint().equals(fingerprint)) {
      return Outcome.unchanged(definition, name + ": already imported from the same files");
    }
    Instant start = Instant.now();
    long id = store.begin(definition, fingerprint, records, missing);
    progress.accept("Importing " + name + " from " + found.size() + " file(s)");
    JdbcReleaseWriter writer = store.writer(id, progress);
    try {
      importer.importRelease(definition, found, writer);
      Map<String, Long> counts = writer.finish();
      store.activate(id, counts);
      Duration took = Duration.between(start, Instant.now());
      return Outcome.imported(
          definition,
          name
              + ": imported in "
              + took.toMillis()
              + " ms "
              + counts
              + (missing.isEmpty()
                  ? ""
                  : ", missing " + missing.stream().map(MissingFile::role).toList()));
    } catch (Exception e) {
      String failure = e.getMessage() == null ? e.toString() : e.getMessage();
      log.warn("Import of {} failed", name, e);
      store.fail(id, failure);
      return Outcome.failed(
          definition,
          name
              + ": import FAILED, "
              + failure
              + (active.isPresent() ? "; the release imported before stays active" : ""));
    }
  }

  private static String fingerprint(Map<String, LocatedFile> found) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      found.forEach(
          (role, file) ->
              digest.update(
                  (role + "=" + file.sha256() + ":" + file.member() + "\n")
                      .getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What became of one release definition. */
  public record Outcome(ReleaseDefinition definition, Kind kind, String summary) {
    public enum Kind {
      IMPORTED,
      UNCHANGED,
      UNAVAILABLE,
      FAILED
    }

    static Outcome imported(ReleaseDefinition d, String s) {
      return new Outcome(d, Kind.IMPORTED, s);
    }

    static Outcome unchanged(ReleaseDefinition d, String s) {
      return new Outcome(d, Kind.UNCHANGED, s);
    }

    static Outcome unavailable(ReleaseDefinition d, String s) {
      return new Outcome(d, Kind.UNAVAILABLE, s);
    }

    static Outcome failed(ReleaseDefinition d, String s) {
      return new Outcome(d, Kind.FAILED, s);
    }
  }
}
