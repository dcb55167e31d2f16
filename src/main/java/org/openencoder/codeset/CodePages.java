package org.openencoder.codeset;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openencoder.codeset.CodeFactSource.FactSection;
import org.openencoder.codeset.CodePage.CodeRef;
import org.openencoder.codeset.CodePage.IndexLead;
import org.openencoder.codeset.CodePage.MissingFact;
import org.openencoder.codeset.CodePage.NoteBlock;
import org.openencoder.codeset.CodePage.NoteLine;
import org.openencoder.codeset.CodePage.PcsCharacter;
import org.openencoder.codeset.CodePage.PlainLanguage;
import org.openencoder.codeset.CodePage.ReleaseSummary;
import org.openencoder.codeset.CodePage.SeventhCharacters;
import org.openencoder.codeset.Icd10CmDetail.NoteKind;
import org.openencoder.codeset.persistence.JdbcPlainLanguage;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import org.openencoder.codeset.persistence.JdbcReleaseStore.StoredIndexEntry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assembles the code page: the code in the release in force and every fact held about it. */
@Service
public class CodePages {

  /** ICD-10-CM codes as notes print them: "E11.9", "S58.-", "A00-B99" ranges start codes. */
  private static final Pattern CM_CODE_IN_TEXT =
      Pattern.compile("\\b([A-TV-Z][0-9][0-9A-Z])(?:\\.([0-9A-Z]{1,4}))?(?:\\.-|-)?");

  private static final Map<String, String> INDEX_SOURCES =
      Map.of(
          "index", "Alphabetic Index",
          "eindex", "External Cause of Injuries Index",
          "drug", "Table of Drugs and Chemicals",
          "neoplasm", "Neoplasm Table",
          "pcs-index", "ICD-10-PCS Index");

  private static final String CPT_LICENCE_NOTICE =
      "CPT descriptors are copyrighted by the American Medical Association and are shown only"
          + " under a CPT licence. This installation has not imported licensed descriptors; the"
          + " code number and the public CMS facts below are shown.";

  /** Releases take effect on US calendar dates; CMS publishes them on Eastern time. */
  private static final ZoneId CMS_TIME = ZoneId.of("America/New_York");

  private final CodeSets codeSets;
  private final JdbcReleaseStore store;
  private final JdbcPlainLanguage plainLanguage;
  private final List<CodeFactSource> factSources;
  private final JsonMapper json;
  private final AddendaNotes addenda;

  CodePages(
      CodeSets codeSets,
      JdbcReleaseStore store,
      JdbcPlainLanguage plainLanguage,
      List<CodeFactSource> factSources) {
    this.codeSets = codeSets;
    this.store = store;
    this.plainLanguage = plainLanguage;
    this.factSources = factSources;
    this.json = store.json();
    this.addenda = new AddendaNotes(store);
  }

  public CodePage page(CodeSystem system, String requested, LocalDate date) {
    CodeLookup lookup = codeSets.lookup(system, requested, date);
    Page page = new Page(system, lookup);
    if (lookup.release() != null) {
      page.missing(lookup.release());
      LocalDate today = LocalDate.now(CMS_TIME);
      Release release = lookup.release();
      if (date == null && release.effectiveTo() != null && release.effectiveTo().isBefore(today)) {
        page.periodNote =
            "Today ("
                + today
                + ") is after the period of "
                + release.title()
                + ", the newest release held: a newer release may be in force. Give a date of"
                + " service to check a claim.";
      }
    }
    if (lookup.found()) {
      CodeCatalog catalog = codeSets.catalog(lookup.release().id()).orElseThrow();
      CodeEntry entry = lookup.entry();
      page.title = entry.title();
      page.shortTitle = entry.shortTitle();
      page.billable = entry.billable();
      page.kind = entry.kind().name().toLowerCase(Locale.ROOT);
      catalog.ancestors(entry.code()).forEach(a -> page.breadcrumb.add(ref(system, a)));
      catalog.children(entry.code()).forEach(c -> page.children.add(ref(system, c)));
      addenda.noteFor(lookup.release(), entry.code()).ifPresent(note -> page.statusNote = note);
      switch (system) {
        case ICD10CM -> icd10cm(page, catalog, entry);
        case ICD10PCS -> icd10pcs(page, catalog, entry);
        case HCPCS -> hcpcs(page, entry, date);
        case CPT -> cpt(page, entry, date);
      }
    } else if (lookup.status() == CodeLookup.Status.CODE_LIST_MISSING) {
      page.statusNote =
          lookup.release().title()
              + " is in force on this date, but its code list (order file) is not loaded.";
      if (system == CodeSystem.ICD10CM || system == CodeSystem.ICD10PCS) {
        // Without a code list there is no hierarchy: index entries for the code or any of its
        // categories (T51.3X1 in the Table of Drugs for T51.3X1A) still lead here.
        List<String> prefixes = new ArrayList<>();
        for (int length = 3; length <= lookup.code().length(); length++) {
          prefixes.add(lookup.code().substring(0, length));
        }
        indexLeads(page, lookup.release(), prefixes, system);
      }
    } else if (lookup.status() == CodeLookup.Status.NOT_IN_RELEASE) {
      page.statusNote =
          addenda.noteFor(lookup.release(), lookup.code()).orElseGet(() -> listedElsewhere(lookup));
    }
    if (lookup.status() != CodeLookup.Status.INVALID_SHAPE) {
      for (CodeFactSource source : factSources) {
        page.facts.addAll(source.factsFor(system, lookup.code(), date));
      }
    }
    return page.build();
  }

  /** Which other release lists a code the release in force does not, or null. */
  private static String listedElsewhere(CodeLookup lookup) {
    if (lookup.otherReleasesListingIt().isEmpty()) {
      return null;
    }
    Release other = lookup.otherReleasesListingIt().get(0);
    return "Not a code in "
        + lookup.release().title()
        + ". It is listed in "
        + other.title()
        + (other.effectiveFrom().isBefore(lookup.release().effectiveFrom())
            ? ": it was deleted after that release."
            : ": it takes effect with that release.");
  }

  private void icd10cm(Page page, CodeCatalog catalog, CodeEntry entry) {
    Release release = catalog.release();
    List<CodeEntry> lineage = new ArrayList<>(catalog.ancestors(entry.code()));
    lineage.add(entry);
    Map<String, Icd10CmDetail> details = new LinkedHashMap<>();
    for (CodeEntry e : lineage) {
      store
          .codeDetail(release.id(), e.code())
          .map(text -> json.readValue(text, Icd10CmDetail.class))
          .ifPresent(d -> details.put(e.code(), d));
    }
    // Notes at the code first, then those printed above it, which apply to it too (Guideline
    // I.A.12: an Excludes note under a category applies to all codes in it).
    for (int i = lineage.size() - 1; i >= 0; i--) {
      CodeEntry at = lineage.get(i);
      Icd10CmDetail detail = details.get(at.code());
      if (detail != null) {
        addNotes(
            page,
            catalog,
            detail.notes(),
            CodeSystem.ICD10CM.display(at.code()),
            !at.code().equals(entry.code()));
      }
    }
    Icd10CmDetail own = details.get(entry.code());
    if (own != null) {
      sectionAndChapterNotes(page, catalog, own);
    }
    page.seventh = SeventhCharacterChoices.of(catalog, entry, lineage, details);
    List<String> leadCodes = new ArrayList<>();
    lineage.forEach(e -> leadCodes.add(e.code()));
    indexLeads(page, release, leadCodes, CodeSystem.ICD10CM);
    page.plain = plainLanguage(CodeSystem.ICD10CM, entry, own, page.indexEntries);
  }

  private void sectionAndChapterNotes(Page page, CodeCatalog catalog, Icd10CmDetail own) {
    long releaseId = catalog.release().id();
    if (own.section() != null) {
      store
          .document(releaseId, "cm-section", own.section())
          .map(json::readTree)
          .ifPresent(
              section ->
                  addNotes(page, catalog, notesOf(section), "Section " + own.section(), true));
    }
    if (own.chapter() != null) {
      store
          .document(releaseId, "cm-chapter", own.chapter())
          .map(json::readTree)
          .ifPresent(
              chapter ->
                  addNotes(page, catalog, notesOf(chapter), "Chapter " + own.chapter(), true));
    }
  }

  private Map<String, List<String>> notesOf(JsonNode node) {
    Map<String, List<String>> notes = new LinkedHashMap<>();
    JsonNode n = node.get("notes");
    if (n != null) {
      for (NoteKind kind : NoteKind.values()) {
        JsonNode list = n.get(kind.key());
        if (list != null && list.isArray() && !list.isEmpty()) {
          List<String> texts = new ArrayList<>();
          list.forEach(t -> texts.add(t.asString()));
          notes.put(kind.key(), texts);
        }
      }
    }
    return notes;
  }

  private void addNotes(
      Page page,
      CodeCatalog catalog,
      Map<String, List<String>> notes,
      String at,
      boolean inherited) {
    for (NoteKind kind : NoteKind.values()) {
      List<String> texts = notes.get(kind.key());
      if (texts == null || texts.isEmpty()) {
        continue;
      }
      // Inclusion terms describe the code they are printed under, not its subcodes.
      if (inherited && kind == NoteKind.INCLUSION_TERM) {
        continue;
      }
      List<NoteLine> lines = new ArrayList<>();
      for (String text : texts) {
        lines.add(new NoteLine(text, codesNamed(catalog, text)));
      }
      page.notes.add(new NoteBlock(kind.key(), kind.label(), at, inherited, lines));
    }
  }

  /** The codes a note names, linked when the release lists them ("S58.-" links to S58). */
  private List<CodeRef> codesNamed(CodeCatalog catalog, String text) {
    List<CodeRef> refs = new ArrayList<>();
    Matcher m = CM_CODE_IN_TEXT.matcher(text);
    while (m.find()) {
      String code = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      catalog
          .get(code)
          .filter(e -> refs.stream().noneMatch(r -> r.code().equals(e.code())))
          .ifPresent(e -> refs.add(ref(CodeSystem.ICD10CM, e)));
    }
    return refs;
  }

  private void indexLeads(Page page, Release release, List<String> codes, CodeSystem system) {
    for (StoredIndexEntry stored : store.indexEntriesFor(release.id(), codes)) {
      String column = null;
      if (stored.detailJson() != null) {
        JsonNode detail = json.readTree(stored.detailJson());
        if (detail.has("column")) {
          column = detail.get("column").asString();
        }
      }
      page.indexEntries.add(
          new IndexLead(
              stored.source(),
              INDEX_SOURCES.getOrDefault(stored.source(), stored.source()),
              stored.path(),
              column,
              system.display(stored.code())));
    }
  }

  private PlainLanguage plainLanguage(
      CodeSystem system, CodeEntry entry, Icd10CmDetail detail, List<IndexLead> leads) {
    Optional<JdbcPlainLanguage.Description> written =
        plainLanguage.reviewed(system.slug(), entry.code());
    if (written.isPresent()) {
      JdbcPlainLanguage.Description d = written.get();
      return new PlainLanguage(d.text(), "editorial", d.author(), d.reviewStatus());
    }
    List<String> terms = new ArrayList<>();
    if (detail != null) {
      terms.addAll(detail.notes().getOrDefault(NoteKind.INCLUSION_TERM.key(), List.of()));
    }
    for (IndexLead lead : leads) {
      if (lead.column() == null && terms.size() < 12) {
        terms.add(String.join(", ", lead.path()));
      }
    }
    if (terms.isEmpty()) {
      return null;
    }
    return new PlainLanguage(
        "Also called: " + String.join("; ", terms.stream().distinct().toList()) + ".",
        "composed",
        null,
        "composed from the official inclusion terms and index entries");
  }

  private void icd10pcs(Page page, CodeCatalog catalog, CodeEntry entry) {
    if (entry.code().length() == 3) {
      // A table: its axes are the page, as in the printed PCS tables.
      page.pcsTable =
          store
              .codeDetail(catalog.release().id(), entry.code())
              .map(t -> json.readValue(t, PcsTableDetail.class))
              .orElse(null);
      return;
    }
    if (entry.code().length() != 7) {
      return;
    }
    long releaseId = catalog.release().id();
    String table = entry.code().substring(0, 3);
    Optional<PcsTableDetail> detail =
        store.codeDetail(releaseId, table).map(t -> json.readValue(t, PcsTableDetail.class));
    if (detail.isPresent()) {
      for (PcsTableDetail.Axis axis : detail.get().axesFor(entry.code())) {
        String value = String.valueOf(entry.code().charAt(axis.position() - 1));
        String label =
            axis.values().stream()
                .filter(v -> v.code().equals(value))
                .map(PcsTableDetail.Value::label)
                .findFirst()
                .orElse("");
        String definition =
            axis.definition() != null
                ? axis.definition()
                : store
                    .document(
                        releaseId,
                        "pcs-definition",
                        entry.code().charAt(0)
                            + "/"
                            + axis.position()
                            + "/"
                            + label.toLowerCase(Locale.ROOT))
                    .map(d -> json.readTree(d).path("definition").asString(null))
                    .orElse(null);
        page.pcs.add(new PcsCharacter(axis.position(), axis.title(), value, label, definition));
      }
    }
    List<String> prefixes = new ArrayList<>();
    for (int length = 3; length <= 7; length++) {
      prefixes.add(entry.code().substring(0, length));
    }
    indexLeads(page, catalog.release(), prefixes, CodeSystem.ICD10PCS);
  }

  private void hcpcs(Page page, CodeEntry entry, LocalDate date) {
    Optional<HcpcsDetail> detail =
        store
            .codeDetail(page.release.id(), entry.code())
            .map(t -> json.readValue(t, HcpcsDetail.class));
    if (detail.isEmpty()) {
      return;
    }
    HcpcsDetail d = detail.get();
    LocalDate on = date != null ? date : LocalDate.now(CMS_TIME);
    if (d.terminationDate() != null) {
      page.statusNote =
          (d.terminationDate().isBefore(on) ? "Terminated" : "To be terminated")
              + " on "
              + d.terminationDate()
              + (d.crossReferences().isEmpty()
                  ? "."
                  : "; CMS cross-references it to " + String.join(", ", d.crossReferences()) + ".");
    }
    page.facts.add(HcpcsFacts.section(d, citation(page.release)));
  }

  private static CodeFactSource.Citation citation(Release release) {
    return CodeFactSource.Citation.of(release, release.files().get(0).role());
  }

  /**
   * CPT descriptors come from a licensed AMA data file when the operator imported one, else from
   * the RVU file's short descriptors kept under the licence, else not at all.
   */
  private void cpt(Page page, CodeEntry entry, LocalDate date) {
    Optional<Release> licensed =
        date == null
            ? codeSets.activeReleases(Datasets.CPT_DESCRIPTORS).stream().findFirst()
            : codeSets.inForce(Datasets.CPT_DESCRIPTORS, date);
    Optional<String> descriptor =
        licensed.flatMap(
            r ->
                store
                    .document(r.id(), "cpt-descriptor", entry.code())
                    .map(d -> json.readTree(d).path("descriptor").asString(null)));
    if (descriptor.isPresent()) {
      page.title = descriptor.get();
      page.facts.add(
          new FactSection(
              "CPT descriptor",
              List.of(CodeFactSource.Fact.of("Descriptor", descriptor.get())),
              CodeFactSource.Citation.of(licensed.get(), "descriptors"),
              "Shown under this installation's AMA CPT licence."));
    } else if (entry.title() == null || entry.title().isBlank()) {
      page.title = null;
      page.licenceNotice = CPT_LICENCE_NOTICE;
    }
  }

  private static CodeRef ref(CodeSystem system, CodeEntry entry) {
    return new CodeRef(
        system.slug(), entry.code(), system.display(entry.code()), entry.title(), entry.billable());
  }

  /** The page being assembled. */
  private static final class Page {
    final CodeSystem system;
    final CodeLookup lookup;
    final Release release;
    String title;
    String shortTitle;
    Boolean billable;
    String kind;
    String statusNote;
    String periodNote;
    String licenceNotice;
    PlainLanguage plain;
    SeventhCharacters seventh;
    PcsTableDetail pcsTable;
    final List<CodeRef> breadcrumb = new ArrayList<>();
    final List<CodeRef> children = new ArrayList<>();
    final List<NoteBlock> notes = new ArrayList<>();
    final List<IndexLead> indexEntries = new ArrayList<>();
    final List<PcsCharacter> pcs = new ArrayList<>();
    final List<FactSection> facts = new ArrayList<>();
    final List<MissingFact> missingFacts = new ArrayList<>();

    Page(CodeSystem system, CodeLookup lookup) {
      this.system = system;
      this.lookup = lookup;
      this.release = lookup.release();
    }

    void missing(Release release) {
      for (Release.MissingFile file : release.missing()) {
        String what =
            release.files().stream()
                .filter(f -> f.role().equals(file.role()))
                .map(Release.SourceFileRecord::note)
                .findFirst()
                .orElse(file.role());
        missingFacts.add(new MissingFact(what + " (" + file.file() + ")", file.reason()));
      }
    }

    CodePage build() {
      List<CodeRef> nearest = lookup.nearest().stream().map(e -> ref(system, e)).toList();
      return new CodePage(
          system.slug(),
          system.displayName(),
          lookup.requested(),
          lookup.code(),
          system.display(lookup.code()),
          lookup.date(),
          lookup.status(),
          title,
          shortTitle,
          billable,
          kind,
          statusNote,
          periodNote,
          release == null ? null : ReleaseSummary.of(release),
          breadcrumb,
          children,
          plain,
          notes,
          seventh,
          indexEntries,
          pcs,
          pcsTable,
          facts,
          missingFacts,
          nearest,
          lookup.otherReleasesListingIt().stream()
              .filter(r -> release == null || r.id() != release.id())
              .map(ReleaseSummary::of)
              .toList(),
          licenceNotice);
    }
  }
}
