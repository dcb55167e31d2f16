package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The active releases of every data set, held in memory, and lookups that answer with the release
 * in force on a date of service.
 */
@Service
public class CodeSets {

  private static final Logger log = LoggerFactory.getLogger(CodeSets.class);

  private final JdbcReleaseStore store;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private volatile Map<Long, CodeCatalog> catalogs = Map.of();
  private volatile String loadFailure;

  CodeSets(JdbcReleaseStore store) {
    this.store = store;
  }

  /** Loads every active release from PostgreSQL, replacing what this node held. */
  public void reload() {
    Map<Long, CodeCatalog> fresh = new LinkedHashMap<>();
    for (Release release : store.active()) {
      List<CodeEntry> entries = new ArrayList<>();
      store.forEachCode(release.id(), entries::add);
      fresh.put(release.id(), new CodeCatalog(release, entries));
      log.info("Loaded {} ({} codes)", release.title(), entries.size());
    }
    catalogs = Map.copyOf(fresh);
    loaded.countDown();
  }

  public void reportLoadFailure(String failure) {
    loadFailure = failure;
  }

  public boolean ready() {
    return loaded.getCount() == 0;
  }

  public Optional<String> loadFailure() {
    return Optional.ofNullable(loadFailure);
  }

  /** Waits until the active releases are loaded; true if they are. */
  public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
    return loaded.await(timeout, unit);
  }

  /** Every release ever imported (active, retired and failed), from PostgreSQL. */
  public List<Release> allReleases() {
    return store.all();
  }

  public List<Release> activeReleases() {
    return catalogs.values().stream().map(CodeCatalog::release).toList();
  }

  public List<Release> activeReleases(String dataset) {
    return catalogs.values().stream()
        .map(CodeCatalog::release)
        .filter(r -> r.dataset().equals(dataset))
        .sorted(Comparator.comparing(Release::effectiveFrom).reversed())
        .toList();
  }

  /**
   * Every document of one kind that an importer stored with a release ({@link
   * ReleaseWriter#document}), as JSON by key in key order: how a module that owns a data set reads
   * its content back.
   */
  public Map<String, String> releaseDocuments(long releaseId, String kind) {
    return store.documents(releaseId, kind);
  }

  /**
   * Every index term and table cell of a release that leads to a code, read from PostgreSQL: the
   * words coders look codes up by, for the search index.
   */
  public void forEachIndexTerm(long releaseId, Consumer<IndexTerm> each) {
    store.forEachIndexTerm(releaseId, each);
  }

  /** The Tabular List notes of one kind at each code of a release, by normalized code. */
  public Map<String, List<String>> tabularNotes(long releaseId, Icd10CmDetail.NoteKind kind) {
    return store.notes(releaseId, kind.key());
  }

  public Optional<CodeCatalog> catalog(long releaseId) {
    return Optional.ofNullable(catalogs.get(releaseId));
  }

  /** The release in force on a date: the covering release that took effect last. */
  public Optional<Release> inForce(String dataset, LocalDate date) {
    return activeReleases(dataset).stream().filter(r -> r.covers(date)).findFirst();
  }

  /** The newest release that lists codes (not an index-tables-only one). */
  public Optional<Release> newestWithCodes(String dataset) {
    return activeReleases(dataset).stream()
        .filter(r -> catalogs.get(r.id()).size() > 0)
        .findFirst();
  }

  /**
   * Looks a code up. With a date, the release in force on that date answers; without one, the
   * newest release that lists codes.
   */
  public CodeLookup lookup(CodeSystem system, String requested, LocalDate date) {
    String code = CodeSystem.normalize(requested);
    if (!system.hasShape(code)) {
      return new CodeLookup(
          system,
          requested,
          code,
          date,
          CodeLookup.Status.INVALID_SHAPE,
          null,
          null,
          nearestInNewest(system, code),
          List.of());
    }
    Optional<Release> release =
        date == null ? newestWithCodes(system.dataset()) : inForce(system.dataset(), date);
    List<Release> listing = releasesListing(system, code);
    if (release.isEmpty()) {
      return new CodeLookup(
          system,
          requested,
          code,
          date,
          CodeLookup.Status.NO_RELEASE_IN_FORCE,
          null,
          null,
          List.of(),
          listing);
    }
    CodeCatalog catalog = catalogs.get(release.get().id());
    if (catalog.size() == 0) {
      return new CodeLookup(
          system,
          requested,
          code,
          date,
          CodeLookup.Status.CODE_LIST_MISSING,
          release.get(),
          null,
          List.of(),
          listing);
    }
    Optional<CodeEntry> entry = catalog.get(code);
    if (entry.isEmpty()) {
      return new CodeLookup(
          system,
          requested,
          code,
          date,
          CodeLookup.Status.NOT_IN_RELEASE,
          release.get(),
          null,
          catalog.nearest(code, 12),
          listing);
    }
    return new CodeLookup(
        system,
        requested,
        code,
        date,
        CodeLookup.Status.FOUND,
        release.get(),
        entry.get(),
        List.of(),
        listing);
  }

  private List<CodeEntry> nearestInNewest(CodeSystem system, String code) {
    return newestWithCodes(system.dataset())
        .map(r -> catalogs.get(r.id()).nearest(code, 12))
        .orElse(List.of());
  }

  /** Active releases of the system's data set that list the code, newest first. */
  public List<Release> releasesListing(CodeSystem system, String normalizedCode) {
    return activeReleases(system.dataset()).stream()
        .filter(r -> catalogs.get(r.id()).get(normalizedCode).isPresent())
        .toList();
  }
}
