package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.openencoder.search.CodeIndex.HitWords;
import org.openencoder.search.CodeIndex.HitWords.TermWords;
import org.openencoder.search.CodeIndex.HitWords.TitleWord;

/** The words a hit shows, as the index stores them and a search reads them back. */
class HitWordsTest {

  // Words of one to four UTF-8 bytes a character, and none of the separators.
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789éüß日本😀-.,'()";

  @Test
  void readsBackWhatWasStored() {
    HitWords stored =
        new HitWords(
            List.of("synthetic", "widget", "disorder", "widget", "dis"),
            List.of(new TitleWord("synthetic", 0, 9), new TitleWord("wídget", 10, 16)),
            List.of(
                new TermWords(new Vocabulary.Term("Widget, synthetic", "index"), List.of("a", "b")),
                new TermWords(
                    new Vocabulary.Term("Gadget (fake) café", "inclusion"), List.of("cafe"))));

    HitWords read = HitWords.decode(new BytesRef(stored.encode()));

    assertThat(read.words()).isEqualTo(stored.words());
    assertThat(read.title()).isEqualTo(stored.title());
    assertThat(read.terms()).isEqualTo(stored.terms());
    assertThat(read.terms()).isSameAs(read.terms());
  }

  @Test
  void readsBackACodeWithoutTermsOrTitle() {
    HitWords bare = new HitWords(List.of(), List.of(), List.of());

    HitWords read = HitWords.decode(new BytesRef(bare.encode()));

    assertThat(read.words()).isEmpty();
    assertThat(read.title()).isEmpty();
    assertThat(read.terms()).isEmpty();
  }

  @Test
  void readsAWordsSpacingAsSplittingAtEachSpaceDid() {
    // Stored words are never empty; should a stored text hold doubled or trailing spaces, the
    // words read back are those String.split(" ") gives, as before decode read the bytes itself.
    for (String words : List.of("a", "a b", "a  b", " a", "a ", "a  ", " ", "  a  b  ")) {
      HitWords read =
          HitWords.decode(new BytesRef(words + "\u001e\u001e" + "x\u001dy\u001d" + words));

      assertThat(read.words()).as("[%s]", words).containsExactly(words.split(" "));
      assertThat(read.terms().get(0).words()).as("[%s]", words).containsExactly(words.split(" "));
    }
  }

  @Test
  void readsOffsetsOfManyDigitsAndWordsOfManyBytes() {
    HitWords stored =
        new HitWords(
            List.of("naïve", "日本", "😀"),
            List.of(
                new TitleWord("naïve", 0, 5),
                new TitleWord("日本", 1234567, 2147483647),
                new TitleWord("😀", 10, 12)),
            List.of(new TermWords(new Vocabulary.Term("Ünïcode 😀", "index"), List.of("😀"))));

    HitWords read = HitWords.decode(new BytesRef(stored.encode()));

    assertThat(read.words()).containsExactly("naïve", "日本", "😀");
    assertThat(read.title()).isEqualTo(stored.title());
    assertThat(read.terms()).isEqualTo(stored.terms());
  }

  @Test
  void readsFromTheMiddleOfALargerBuffer() {
    // Lucene hands out a BytesRef into a shared block: the offset and length bound the value.
    HitWords stored =
        new HitWords(
            List.of("widget"),
            List.of(new TitleWord("widget", 3, 9)),
            List.of(new TermWords(new Vocabulary.Term("Widget", "index"), List.of("widget"))));
    byte[] encoded = stored.encode().getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[encoded.length + 20];
    Arrays.fill(block, (byte) 0x1e);
    System.arraycopy(encoded, 0, block, 7, encoded.length);

    HitWords read = HitWords.decode(new BytesRef(block, 7, encoded.length));

    assertThat(read.words()).isEqualTo(stored.words());
    assertThat(read.title()).isEqualTo(stored.title());
    assertThat(read.terms()).isEqualTo(stored.terms());
  }

  @Test
  void readsBackRandomWords() {
    Random random = new Random(20261128L);
    for (int round = 0; round < 2_000; round++) {
      HitWords stored =
          new HitWords(
              words(random, random.nextInt(12)),
              titleWords(random, random.nextInt(12)),
              terms(random, random.nextInt(6)));

      HitWords read = HitWords.decode(new BytesRef(stored.encode()));

      assertThat(read.words()).as("round %d", round).isEqualTo(stored.words());
      assertThat(read.title()).as("round %d", round).isEqualTo(stored.title());
      assertThat(read.terms()).as("round %d", round).isEqualTo(stored.terms());
    }
  }

  @Test
  void aTitleWordWithoutItsOffsetsIsAnError() {
    assertThatThrownBy(() -> HitWords.decode(new BytesRef("a\u001ea\u001d1\u001f")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HitWords.decode(new BytesRef("a\u001ea\u001d1\u001dx\u001f")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HitWords.decode(new BytesRef("a b c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTermWithoutItsSourceIsAnError() {
    HitWords read = HitWords.decode(new BytesRef("a\u001e\u001eWidget"));

    assertThatThrownBy(read::terms).isInstanceOf(IllegalArgumentException.class);
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(10);
    while (word.length() < length) {
      word.appendCodePoint(
          LETTERS.codePointAt(
              LETTERS.offsetByCodePoints(
                  0, random.nextInt(LETTERS.codePointCount(0, LETTERS.length())))));
    }
    return word.toString();
  }

  private static List<String> words(Random random, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(word(random));
    }
    return words;
  }

  private static List<TitleWord> titleWords(Random random, int count) {
    List<TitleWord> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int start = random.nextInt(100_000);
      words.add(new TitleWord(word(random), start, start + random.nextInt(1_000)));
    }
    return words;
  }

  private static List<TermWords> terms(Random random, int count) {
    List<TermWords> terms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = String.join(" ", words(random, 1 + random.nextInt(4))) + ", " + word(random);
      terms.add(
          new TermWords(
              new Vocabulary.Term(text, random.nextBoolean() ? "index" : "inclusion"),
              words(random, random.nextInt(5))));
    }
    return terms;
  }
}
