package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Relevance on the team's golden queries ({@code search/golden-queries.tsv}, written apart from the
 * ranking and checked against the official files), measured against plain BM25 over the official
 * descriptors in the same run; and the exact official description of 1,000 random billable codes
 * finding its code first. The figures are printed and written to {@code
 * target/search-relevance.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTest extends RunningApplication {

  private static final String GOLDEN = "search/golden-queries.tsv";
  private static final String HELD_OUT = "search/golden-queries-holdout.tsv";
  private static final int DESCRIPTION_SAMPLE = 1_000;
  // Fixed, so that every run measures the same codes.
  private static final long SEED = 20261127L;

  @Autowired CodeSearch search;

  private IndexSearcher baseline;
  private final StandardAnalyzer baselineAnalyzer = new StandardAnalyzer();

  record Golden(String kind, String query, String system, Set<String> accepted, int line) {}

  /** Recall@1, recall@5 and reciprocal rank, summed over queries. */
  static final class Score {
    int queries;
    int atOne;
    int atFive;
    double reciprocalRanks;

    void add(int rank) {
      queries++;
      if (rank == 1) {
        atOne++;
      }
      if (rank >= 1 && rank <= 5) {
        atFive++;
      }
      if (rank >= 1) {
        reciprocalRanks += 1.0 / rank;
      }
    }

    double recallAtOne() {
      return (double) atOne / queries;
    }

    double recallAtFive() {
      return (double) atFive / queries;
    }

    double mrr() {
      return reciprocalRanks / queries;
    }
  }

  @BeforeAll
  void buildBaseline() throws Exception {
    assertThat(codeSets.awaitReady(5, TimeUnit.MINUTES)).as("releases loaded").isTrue();
    // Plain BM25 over the official descriptors only: the titles of the newest release with codes
    // of each system, standard analysis, every query word optional.
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(baselineAnalyzer))) {
      for (CodeSystem system : CodeSystem.values()) {
        CodeCatalog catalog =
            codeSets
                .catalog(codeSets.newestWithCodes(system.dataset()).orElseThrow().id())
                .orElseThrow();
        for (CodeEntry entry : catalog.entries()) {
          if (system.hasShape(entry.code()) && entry.title() != null) {
            Document doc = new Document();
            doc.add(new StringField("code", system.display(entry.code()), Field.Store.YES));
            doc.add(new StringField("system", system.slug(), Field.Store.YES));
            doc.add(new TextField("title", entry.title(), Field.Store.NO));
            writer.addDocument(doc);
          }
        }
      }
    }
    baseline = new IndexSearcher(DirectoryReader.open(directory));
  }

  private List<Golden> golden(String resource) throws IOException {
    List<Golden> queries = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      boolean header = true;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] fields = line.split("\t", -1);
        assertThat(fields.length).as(resource + " line " + number).isGreaterThanOrEqualTo(4);
        Set<String> accepted =
            java.util.Arrays.stream(fields[3].split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
        queries.add(new Golden(fields[0].strip(), fields[1], fields[2].strip(), accepted, number));
      }
    }
    return queries;
  }

  /** The 1-based rank of the first accepted code in a list of codes, or 0. */
  private static int rank(List<String> found, Set<String> accepted) {
    for (int i = 0; i < found.size(); i++) {
      if (accepted.contains(found.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  private List<String> ours(String query) {
    return search.search(query, SearchFilter.ANY, 10).results().stream()
        .map(SearchHit::code)
        .toList();
  }

  private List<String> bm25(String query) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    try (TokenStream tokens = baselineAnalyzer.tokenStream("title", query)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(new TermQuery(new Term("title", term.toString())), Occur.SHOULD);
      }
      tokens.end();
    }
    List<String> codes = new ArrayList<>();
    for (ScoreDoc hit : baseline.search(words.build(), 10).scoreDocs) {
      codes.add(baseline.storedFields().document(hit.doc).get("code"));
    }
    return codes;
  }

  /** Scores per kind ("all" for every query) of our search and of the baseline. */
  record Measured(Map<String, Score> ours, Map<String, Score> baseline) {}

  private Measured measure(String resource, String title) throws IOException {
    List<Golden> queries = golden(resource);
    assertThat(queries).hasSizeGreaterThanOrEqualTo(160);
    Map<String, Score> oursByKind = new TreeMap<>();
    Map<String, Score> baselineByKind = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (Golden g : queries) {
      List<String> found = ours(g.query());
      int rank = rank(found, g.accepted());
      oursByKind.computeIfAbsent(g.kind(), k -> new Score()).add(rank);
      oursByKind.computeIfAbsent("all", k -> new Score()).add(rank);
      int baselineRank = rank(bm25(g.query()), g.accepted());
      baselineByKind.computeIfAbsent(g.kind(), k -> new Score()).add(baselineRank);
      baselineByKind.computeIfAbsent("all", k -> new Score()).add(baselineRank);
      if (rank == 0 || rank > 5) {
        misses.add(
            String.format(
                Locale.ROOT,
                "- [%s] \"%s\" wants %s; got %s",
                g.kind(),
                g.query(),
                new TreeSet<>(g.accepted()),
                found.subList(0, Math.min(5, found.size()))));
      }
    }
    StringBuilder report =
        new StringBuilder("## " + title + " (" + queries.size() + " queries)\n\n");
    report.append(
        "| kind | queries | recall@1 | recall@5 | MRR | BM25 recall@1 | BM25 recall@5 | BM25 MRR"
            + " |\n");
    report.append("|---|---|---|---|---|---|---|---|\n");
    oursByKind.forEach(
        (kind, score) -> {
          Score base = baselineByKind.get(kind);
          report.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                  kind,
                  score.queries,
                  score.recallAtOne(),
                  score.recallAtFive(),
                  score.mrr(),
                  base.recallAtOne(),
                  base.recallAtFive(),
                  base.mrr()));
        });
    report.append("\nNot in the top 5:\n\n").append(String.join("\n", misses)).append('\n');
    write(resource.substring(resource.lastIndexOf('/') + 1).replace(".tsv", ""), report.toString());
    return new Measured(oursByKind, baselineByKind);
  }

  @Test
  void theGoldenQueriesFindTheirCodesBetterThanPlainBm25() throws IOException {
    Measured golden = measure(GOLDEN, "Golden queries");
    // The issue's target is recall@5 >= 0.95 for lay words, abbreviations and typos; all three
    // reach it (typo 0.983, abbreviation 1.000, lay 1.000 when last raised). The floors are
    // about what the search reaches now, less one query, so that no change loses ground unnoticed.
    assertThat(golden.ours().get("typo").recallAtFive()).isGreaterThanOrEqualTo(0.98);
    assertThat(golden.ours().get("abbreviation").recallAtFive()).isGreaterThanOrEqualTo(0.98);
    assertThat(golden.ours().get("lay").recallAtFive()).isGreaterThanOrEqualTo(0.99);
    assertThat(golden.ours().get("all").recallAtFive()).isGreaterThanOrEqualTo(0.97);
    assertThat(golden.ours().get("all").mrr()).isGreaterThan(golden.baseline().get("all").mrr());
  }

  /**
   * The held-out queries were written by another hand after the ranking and synonym list were tuned
   * on the golden queries, and never read while tuning: how far the tuning generalizes.
   */
  @Test
  void heldOutQueriesAlsoBeatPlainBm25() throws IOException {
    Measured heldOut = measure(HELD_OUT, "Held-out queries");
    assertThat(heldOut.ours().get("all").mrr()).isGreaterThan(heldOut.baseline().get("all").mrr());
    // Floors at what the search reaches now (all 0.908, abbreviation 0.945, lay 0.918): the
    // golden set's 0.95 is not reached here, which is what the held-out set is for.
    assertThat(heldOut.ours().get("all").recallAtFive()).isGreaterThanOrEqualTo(0.90);
    assertThat(heldOut.ours().get("abbreviation").recallAtFive()).isGreaterThanOrEqualTo(0.94);
    assertThat(heldOut.ours().get("lay").recallAtFive()).isGreaterThanOrEqualTo(0.91);
  }

  @Test
  void theExactDescriptionOfARandomBillableCodeFindsItFirst() {
    List<Map.Entry<CodeSystem, CodeEntry>> billable = new ArrayList<>();
    for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS)) {
      CodeCatalog catalog =
          codeSets
              .catalog(codeSets.newestWithCodes(system.dataset()).orElseThrow().id())
              .orElseThrow();
      for (CodeEntry entry : catalog.entries()) {
        // A query is at most 500 characters; a few PCS and HCPCS descriptions are longer.
        if (entry.billable()
            && entry.kind() == CodeEntry.Kind.CODE
            && system.hasShape(entry.code())
            && entry.title().length() <= CodeSearch.MAX_QUERY_LENGTH) {
          billable.add(Map.entry(system, entry));
        }
      }
    }
    billable.sort(Map.Entry.comparingByValue(java.util.Comparator.comparing(CodeEntry::code)));
    Collections.shuffle(billable, new Random(SEED));
    int first = 0;
    int sameTitleFirst = 0;
    Map<String, Integer> bySystem = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (Map.Entry<CodeSystem, CodeEntry> sample : billable.subList(0, DESCRIPTION_SAMPLE)) {
      CodeSystem system = sample.getKey();
      CodeEntry entry = sample.getValue();
      bySystem.merge(system.slug(), 1, Integer::sum);
      List<SearchHit> hits = search.search(entry.title(), SearchFilter.ANY, 5).results();
      String wanted = system.display(entry.code());
      if (!hits.isEmpty() && hits.get(0).code().equals(wanted)) {
        first++;
      } else if (!hits.isEmpty() && hits.get(0).title().equals(entry.title())) {
        // Another code has the very same description (HCPCS repeats some quality-measure texts):
        // no search can tell them apart from the words alone.
        sameTitleFirst++;
      } else {
        misses.add(
            "- "
                + wanted
                + " \""
                + entry.title()
                + "\": got "
                + hits.stream().map(SearchHit::code).toList());
      }
    }
    String report =
        String.format(
            Locale.ROOT,
            "## Exact description to code (%d random billable codes, seed %d, %s)%n%n"
                + "top-1 is the code: %d (%.1f%%); another code with the identical description: %d;"
                + " misses: %d%n%n%s%n",
            DESCRIPTION_SAMPLE,
            SEED,
            bySystem,
            first,
            100.0 * first / DESCRIPTION_SAMPLE,
            sameTitleFirst,
            misses.size(),
            String.join("\n", misses));
    write("descriptions", report);
    assertThat((double) first / DESCRIPTION_SAMPLE).isGreaterThanOrEqualTo(0.995);
  }

  private static void write(String part, String report) {
    System.out.println(report);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "search-relevance-" + part + ".md"), report);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
