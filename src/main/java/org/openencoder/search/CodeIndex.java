package org.openencoder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
  static final String TERMS = "terms";
  static final String TERM_SOURCES = "termSources";
  static final String DEFAULTNESS = "defaultness";
  static final String WHOLE_TITLE = "wholeTitle";
  static final String TERM_CORE = "termCore";
  private static final String CODE_LENGTH = "codeLength";
  private static final String CODE_ORDER = "codeOrder";

  // Equal scores (every code under a prefix) go shortest code first, then in code order.
  private static final Sort BEST_FIRST =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(CODE_LENGTH, SortField.Type.INT),
          new SortField(CODE_ORDER, SortField.Type.STRING));

  // A word fewer codes than this have may be a typo; a correction must have COMMON times as many.
  private static final int RARE = 3;
  private static final int COMMON = 20;

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
      List<Vocabulary.Term> terms,
      float score) {}

  private record Built(Set<Long> releases, IndexSearcher searcher) {}

  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The title words nearest to one that no title, short title or term has: those of fewest edits (a
   * transposition is one), the words of most codes first, at most {@code max}. Empty when the word
   * is in the index or nothing is near. "diabetis" is one edit from both "diabetes" and "diabetic":
   * both are kept, and the query's other words decide.
   */
  List<String> corrections(String word, int maxEdits, int max) {
    IndexReader reader = current().searcher().getIndexReader();
    try {
      int known = 0;
      for (String field : List.of(TITLE, SHORT_TITLE, TERMS)) {
        known += reader.docFreq(new Term(field, word));
      }
      if (known >= RARE) {
        return List.of();
      }
      Terms terms = MultiTerms.getTerms(reader, TITLE);
      if (terms == null) {
        return List.of();
      }
      FuzzyTermsEnum near = new FuzzyTermsEnum(terms, new Term(TITLE, word), maxEdits, 1, true);
      record Candidate(String word, float similarity, int codes) {}
      List<Candidate> candidates = new ArrayList<>();
      for (BytesRef term = near.next(); term != null; term = near.next()) {
        candidates.add(new Candidate(term.utf8ToString(), near.getBoost(), near.docFreq()));
      }
      if (known > 0) {
        // A word a code or two has (an abbreviation in a short title, another release's word)
        // may still be a typo of a common one: "sepis" is in an old HCPCS short title.
        int common = known * COMMON;
        candidates.removeIf(c -> c.codes() < common);
      }
      float best = (float) candidates.stream().mapToDouble(Candidate::similarity).max().orElse(0);
      List<String> nearest =
          candidates.stream()
              .filter(c -> c.similarity() == best)
              .sorted(Comparator.comparingInt(Candidate::codes).reversed())
              .limit(max)
              .map(Candidate::word)
              .toList();
      if (known == 0 || nearest.isEmpty()) {
        return nearest;
      }
      List<String> withWord = new ArrayList<>(nearest);
      withWord.add(0, word);
      return withWord;
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
                terms(doc),
                hit.score));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Vocabulary.Term> terms(Document doc) {
    String[] texts = doc.getValues(TERMS);
    String[] sources = doc.getValues(TERM_SOURCES);
    List<Vocabulary.Term> terms = new ArrayList<>(texts.length);
    for (int i = 0; i < texts.length; i++) {
      terms.add(new Vocabulary.Term(texts[i], sources[i]));
    }
    return terms;
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
    Vocabulary vocabulary = Vocabulary.gather(codeSets);
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
              writer.addDocument(document(system, release, entry, vocabulary));
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

  private Document document(
      CodeSystem system, Release release, CodeEntry entry, Vocabulary vocabulary) {
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
    // How much of a title is a default a coder falls back on when the record says no more:
    // "unspecified", "NOS", "without …" (ICD-10-CM conventions I.A.9 and the Index's defaults).
    wholeTitle(entry.title())
        .ifPresent(whole -> doc.add(new StringField(WHOLE_TITLE, whole, Field.Store.NO)));
    int defaults = defaultWords(entry.title());
    for (int level = 1; level <= Math.min(defaults, 3); level++) {
      doc.add(new StringField(DEFAULTNESS, Integer.toString(level), Field.Store.NO));
    }
    for (Vocabulary.Term term : vocabulary.termsOf(system, entry.code())) {
      doc.add(new TextField(TERMS, term.text(), Field.Store.YES));
      // Without the nonessential modifiers in parentheses and "NOS" (conventions I.A.7, I.A.9):
      // "Hypertension (arterial) (benign) (essential)" is the term "hypertension".
      wholeTitle(NONESSENTIAL.matcher(term.text()).replaceAll(" "))
          .ifPresent(core -> doc.add(new StringField(TERM_CORE, core, Field.Store.NO)));
      doc.add(new StoredField(TERM_SOURCES, term.source()));
    }
    return doc;
  }

  /** A title's words as analyzed, joined by spaces: what a query of the very same words gives. */
  Optional<String> wholeTitle(String title) {
    if (title == null || title.isBlank()) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String whole = String.join(" ", words);
    // A StringField term is at most 32 KB; titles are far shorter, but stay safe.
    return whole.isEmpty() || whole.length() > 8_000 ? Optional.empty() : Optional.of(whole);
  }

  private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)|\\bNOS\\b");

  private static final Set<String> DEFAULT_WORDS = Set.of("unspecified", "nos", "without");

  int defaultWords(String title) {
    if (title == null || title.isEmpty()) {
      return 0;
    }
    int count = 0;
    try (TokenStream tokens = analyzer.tokenStream(TITLE, title)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (DEFAULT_WORDS.contains(term.toString())) {
          count++;
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
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
