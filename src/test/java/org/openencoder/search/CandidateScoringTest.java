package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The codes a narrowing lets through, scored from the words the index holds in memory, against
 * Lucene's own scorers of the same query, float for float, for every query of the golden sets and
 * the benchmark's mix as the search builds them: typed, being typed, billable only, and on a date
 * of service that searches older releases. The codes next to each code let through are scored too,
 * so that codes the query does not match are compared as well. The narrowing, with the words' codes
 * held, lets through the very codes it does through the index.
 */
class CandidateScoringTest extends RunningApplication {

  @Autowired CodeSearch search;
  @Autowired CodeIndex index;

  private record Asked(String text, boolean typing) {}

  @Test
  void scoresAsLuceneDoes() throws IOException, InterruptedException {
    assertThat(index.awaitHeld(5, TimeUnit.MINUTES)).isTrue();
    List<Asked> queries = new ArrayList<>();
    for (String resource :
        List.of("search/golden-queries.tsv", "search/golden-queries-holdout.tsv")) {
      goldenQueries(resource).forEach(q -> queries.add(new Asked(q, false)));
    }
    for (String line : Files.readAllLines(Path.of("bench/search-queries.tsv"))) {
      if (!line.startsWith("#") && line.contains("\t")) {
        String[] fields = line.split("\t");
        queries.add(new Asked(fields[1], fields[0].equals("typing")));
      }
    }
    assertThat(queries).hasSizeGreaterThan(900);

    Tally tally = new Tally();
    for (Asked asked : queries) {
      compare(asked, SearchFilter.ANY, tally);
    }
    for (Asked asked : queries.subList(0, 200)) {
      compare(asked, new SearchFilter(null, true, null), tally);
      // FY2021 ICD-10-CM and the earlier quarters of HCPCS and CPT.
      compare(asked, new SearchFilter(null, false, LocalDate.of(2021, 3, 1)), tally);
    }

    assertThat(tally.mismatches).isEmpty();
    // Enough was compared to mean something: codes matched and not, phrases scored, prefixes.
    assertThat(tally.matched).isGreaterThan(50_000);
    assertThat(tally.unmatched).isGreaterThan(10_000);
    assertThat(tally.searches).isGreaterThan(1_000);
  }

  private static final class Tally {
    final List<String> mismatches = new ArrayList<>();
    int searches;
    long matched;
    long unmatched;
  }

  private void compare(Asked asked, SearchFilter filter, Tally tally) throws IOException {
    CodeSearch.Plan plan;
    try {
      plan = search.plan(asked.text(), filter, asked.typing());
    } catch (InvalidSearchException e) {
      return;
    }
    IndexSearcher searcher = plan.view().searcher();
    assertThat(plan.view().held()).isTrue();
    int[] candidates =
        plan.narrowing().candidates(searcher, plan.within(), 10, 5, plan.view()::postings);
    // The words' codes held let through what the index's posting lists do.
    int[] throughIndex = plan.narrowing().candidates(searcher, plan.within(), 10, 5);
    if (!Arrays.equals(candidates, throughIndex)) {
      tally.mismatches.add(asked + " " + filter + ": another narrowing with the codes held");
    }
    TreeSet<Integer> docs = new TreeSet<>();
    if (candidates != null) {
      for (int doc : candidates) {
        docs.add(doc);
        if (doc + 1 < searcher.getIndexReader().maxDoc()) {
          docs.add(doc + 1);
        }
      }
    } else {
      for (ScoreDoc hit : searcher.search(plan.query(), 100).scoreDocs) {
        docs.add(hit.doc);
      }
    }
    int[] sorted = docs.stream().mapToInt(Integer::intValue).toArray();
    float[] held = plan.view().scores(plan.query(), sorted);
    float[] lucene = plan.view().scoresFromIndex(plan.query(), sorted);
    tally.searches++;
    for (int i = 0; i < sorted.length; i++) {
      if (Float.floatToIntBits(held[i]) != Float.floatToIntBits(lucene[i])) {
        tally.mismatches.add(
            asked + " " + filter + " doc " + sorted[i] + ": " + held[i] + " != " + lucene[i]);
      } else if (Float.isNaN(lucene[i])) {
        tally.unmatched++;
      } else {
        tally.matched++;
      }
    }
  }

  private List<String> goldenQueries(String resource) throws IOException {
    List<String> queries = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          queries.add(line.split("\t", -1)[1]);
        }
        header = false;
      }
    }
    return queries;
  }
}
