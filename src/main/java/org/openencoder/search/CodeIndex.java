package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of every active release that lists codes, one document per code and release, so a
 * search can be answered from the release in force on a date of service. It is built in the
 * background once the releases load, and again when the active releases change.
 */
@Component
class CodeIndex {

  static final String SYSTEM = "system";
  static final String CODE = "code";
  static final String DISPLAY = "display";
  static final String TITLE = "title";
  static final String SHORT_TITLE = "shortTitle";
  static final String BILLABLE = "billable";
  static final String KIND = "kind";
  static final String LEAD = "lead";
  static final String RELEASE = "release";
  static final String PARENT = "parent";
  private static final String CODE_LENGTH = "codeLength";
  private static final String CODE_ORDER = "codeOrder";

  // Equal scores (every code under a prefix) go shortest code first, then in code order.
  private static final Sort BEST_FIRST =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(CODE_LENGTH, SortField.Type.INT),
          new SortField(CODE_ORDER, SortField.Type.STRING));

  private static final Logger log = LoggerFactory.getLogger(CodeIndex.class);

  private final CodeSets codeSets;
  private final Analyzer analyzer = new TitleAnalyzer();
  private volatile Built built;

  CodeIndex(CodeSets codeSets) {
    this.codeSets = codeSets;
  }

  /** A code the index found, with its stored fields. */
  record Found(
      CodeSystem system,
      long release,
      String code,
      String display,
      String title,
      String shortTitle,
      boolean billable,
      @Nullable String parent,
      float score) {}

  private record Built(Set<Long> releases, IndexSearcher searcher) {}

  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The title word nearest to one that no title or short title has: fewest edits (a transposition
   * is one), then the word of most codes. Empty when the word is in the index or nothing is near.
   */
  Optional<String> correction(String word, int maxEdits) {
    IndexReader reader = current().searcher().getIndexReader();
    try {
      if (reader.docFreq(new Term(TITLE, word)) > 0
          || reader.docFreq(new Term(SHORT_TITLE, word)) > 0) {
        return Optional.empty();
      }
      Terms terms = MultiTerms.getTerms(reader, TITLE);
      if (terms == null) {
        return Optional.empty();
      }
      FuzzyTermsEnum near = new FuzzyTermsEnum(terms, new Term(TITLE, word), maxEdits, 1, true);
      String best = null;
      float bestSimilarity = -1;
      int bestCodes = -1;
      for (BytesRef term = near.next(); term != null; term = near.next()) {
        float similarity = near.getBoost();
        int codes = near.docFreq();
        if (similarity > bestSimilarity || (similarity == bestSimilarity && codes > bestCodes)) {
          best = term.utf8ToString();
          bestSimilarity = similarity;
          bestCodes = codes;
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds the index in the background once the releases are loaded, so the first search does not
   * wait the seconds it takes; a search that comes sooner builds it itself.
   */
  @EventListener(ApplicationReadyEvent.class)
  void buildWhenReleasesLoad() {
    Thread builder =
        new Thread(
            () -> {
              try {
                if (codeSets.awaitReady(1, TimeUnit.HOURS)) {
                  current();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                log.warn("Code index not built ahead of the first search", e);
              }
            },
            "code-index-builder");
    builder.setDaemon(true);
    builder.start();
  }

  boolean ready() {
    return codeSets.ready();
  }

  List<Found> search(Query query, int limit) {
    IndexSearcher searcher = current().searcher();
    try {
      TopFieldDocs top = searcher.search(query, limit, BEST_FIRST, true);
      StoredFields stored = searcher.storedFields();
      List<Found> found = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        Document doc = stored.document(hit.doc);
        found.add(
            new Found(
                CodeSystem.fromSlug(doc.get(SYSTEM)).orElseThrow(),
                Long.parseLong(doc.get(RELEASE)),
                doc.get(CODE),
                doc.get(DISPLAY),
                doc.get(TITLE),
                doc.get(SHORT_TITLE),
                Boolean.parseBoolean(doc.get(BILLABLE)),
                doc.get(PARENT),
                hit.score));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Built current() {
    Set<Long> releases = releasesWithCodes();
    Built index = built;
    if (index != null && index.releases().equals(releases)) {
      return index;
    }
    synchronized (this) {
      if (built == null || !built.releases().equals(releases)) {
        built = build(releases);
      }
      return built;
    }
  }

  private Set<Long> releasesWithCodes() {
    Set<Long> releases = new TreeSet<>();
    for (CodeSystem system : CodeSystem.values()) {
      for (Release release : codeSets.activeReleases(system.dataset())) {
        codeSets
            .catalog(release.id())
            .filter(catalog -> catalog.size() > 0)
            .ifPresent(catalog -> releases.add(release.id()));
      }
    }
    return releases;
  }

  private Built build(Set<Long> releases) {
    long started = System.nanoTime();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    int documents = 0;
    List<String> titles = new ArrayList<>();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (CodeSystem system : CodeSystem.values()) {
        for (Release release : codeSets.activeReleases(system.dataset())) {
          Optional<CodeCatalog> catalog = codeSets.catalog(release.id());
          if (catalog.isEmpty() || !releases.contains(release.id())) {
            continue;
          }
          titles.add(release.title());
          for (CodeEntry entry : catalog.get().entries()) {
            // The RVU file that lists CPT numbers lists HCPCS Level II codes too; those are
            // indexed from the HCPCS release.
            if (system.hasShape(entry.code())) {
              writer.addDocument(document(system, release, entry));
              documents++;
            }
          }
        }
      }
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
      log.info(
          "Indexed {} codes of {} in {} ms",
          documents,
          titles,
          (System.nanoTime() - started) / 1_000_000);
      return new Built(Set.copyOf(releases), searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Document document(CodeSystem system, Release release, CodeEntry entry) {
    Document doc = new Document();
    doc.add(new StringField(SYSTEM, system.slug(), Field.Store.YES));
    doc.add(new StringField(RELEASE, Long.toString(release.id()), Field.Store.YES));
    if (entry.parent() != null) {
      doc.add(new StoredField(PARENT, entry.parent()));
    }
    doc.add(new StringField(CODE, entry.code(), Field.Store.YES));
    doc.add(new StoredField(DISPLAY, system.display(entry.code())));
    doc.add(new NumericDocValuesField(CODE_LENGTH, entry.code().length()));
    doc.add(new SortedDocValuesField(CODE_ORDER, new BytesRef(entry.code())));
    // CPT descriptors are empty without a licence: nothing is indexed or shown in their place.
    doc.add(new TextField(TITLE, nullToEmpty(entry.title()), Field.Store.YES));
    doc.add(new TextField(SHORT_TITLE, nullToEmpty(entry.shortTitle()), Field.Store.YES));
    leadWord(entry.title()).ifPresent(word -> doc.add(new StringField(LEAD, word, Field.Store.NO)));
    doc.add(new StringField(BILLABLE, Boolean.toString(entry.billable()), Field.Store.YES));
    doc.add(new StringField(KIND, entry.kind().name(), Field.Store.YES));
    return doc;
  }

  /** The first word of a title as analyzed: the main term, in ICD-10-CM ("Pneumonia, ..."). */
  Optional<String> leadWord(String title) {
    if (title == null || title.isEmpty()) {
      return Optional.empty();
    }
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      Optional<String> first =
          tokens.incrementToken() ? Optional.of(term.toString()) : Optional.empty();
      while (tokens.incrementToken()) {
        // Drain the stream, as the TokenStream contract asks before end().
      }
      tokens.end();
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
