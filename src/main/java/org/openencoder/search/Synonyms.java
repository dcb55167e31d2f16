package org.openencoder.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The team's list of lay words and abbreviations with the words the official titles use for them
 * ({@code search/synonyms.tsv}, each row with its source). Both sides are kept as analyzed words,
 * so "A-fib", "a fib" and "AFIB" meet the same row.
 */
final class Synonyms {

  static final String RESOURCE = "search/synonyms.tsv";

  /** One row: the words a user types and the official words they stand for. */
  record Synonym(
      List<String> words, List<String> meaning, String typed, String official, String source) {

    /** How a result names it: "synonym 'heart attack' = 'myocardial infarction' (mesh …)". */
    String describe() {
      return "synonym '" + typed + "' = '" + official + "' (" + source + ")";
    }
  }

  /** A row found in a query: words [start, end) of the query are its words. */
  record Match(int start, int end, Synonym synonym) {}

  private final Map<String, List<Synonym>> byFirstWord = new HashMap<>();
  private final int size;

  private Synonyms(List<Synonym> synonyms) {
    for (Synonym synonym : synonyms) {
      byFirstWord.computeIfAbsent(synonym.words().get(0), w -> new ArrayList<>()).add(synonym);
    }
    this.size = synonyms.size();
  }

  /** Reads the list; analyze turns text into the index's words. */
  static Synonyms load(Function<String, List<String>> analyze) {
    List<Synonym> synonyms = new ArrayList<>();
    try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank()) {
          throw new IllegalStateException(
              RESOURCE + " line " + number + ": expected words, official words and source");
        }
        List<String> words = analyze.apply(fields[0]);
        List<String> meaning = analyze.apply(fields[1]);
        if (!words.isEmpty() && !meaning.isEmpty() && !words.equals(meaning)) {
          synonyms.add(
              new Synonym(words, meaning, fields[0].strip(), fields[1].strip(), fields[2].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Synonyms(synonyms);
  }

  int size() {
    return size;
  }

  /**
   * The rows a query's words contain, longest first at each position and not overlapping: "broken
   * wrist" wins over "broken". Rows with the same words all match (they are alternatives).
   */
  List<Match> find(List<String> words) {
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int longest = 0;
      List<Synonym> best = new ArrayList<>();
      for (Synonym synonym : byFirstWord.getOrDefault(words.get(i), List.of())) {
        int length = synonym.words().size();
        if (i + length <= words.size()
            && words.subList(i, i + length).equals(synonym.words())
            && length >= longest) {
          if (length > longest) {
            best.clear();
            longest = length;
          }
          best.add(synonym);
        }
      }
      for (Synonym synonym : best) {
        matches.add(new Match(i, i + longest, synonym));
      }
      i += Math.max(longest, 1);
    }
    return matches;
  }
}
