package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.openencoder.search.CodeIndex.HitWords;
import org.openencoder.search.CodeIndex.HitWords.TermWords;
import org.openencoder.search.CodeIndex.HitWords.TitleWord;

/** The words a hit shows, as the index stores them and a search reads them back. */
class HitWordsTest {

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
}
