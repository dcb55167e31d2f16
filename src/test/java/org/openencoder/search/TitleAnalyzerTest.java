package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Title words as indexed and searched, and which queries are taken as codes. */
class TitleAnalyzerTest {

  private static List<String> words(String text) throws IOException {
    List<String> words = new ArrayList<>();
    try (TitleAnalyzer analyzer = new TitleAnalyzer();
        TokenStream tokens = analyzer.tokenStream(CodeIndex.TITLE, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    }
    return words;
  }

  @Test
  void pluralsPossessivesCaseAndAccentsFold() throws IOException {
    // HCPCS A4253 and ICD-10-CM S52.531 as the official files print them.
    assertThat(words("Blood glucose test or reagent strips for home blood glucose monitor"))
        .containsExactly(
            "blood", "glucose", "test", "or", "reagent", "strip", "for", "home", "blood", "glucose",
            "monitor");
    assertThat(words("Colles' fracture of right radius"))
        .containsExactly("colle", "fracture", "of", "right", "radius");
    assertThat(words("Sjögren's syndrome")).containsExactly("sjogren", "syndrome");
  }

  @Test
  void wordsThatCarryMeaningInCodeTitlesAreKept() throws IOException {
    assertThat(words("Type 2 diabetes mellitus without complications"))
        .containsExactly("type", "2", "diabete", "mellitus", "without", "complication");
  }

  @Test
  void codesAndTheirPrefixesAreTakenAsCodesAndWordsAreNot() {
    assertThat(CodeSearch.codePrefix("e11.9")).isEqualTo("E119");
    assertThat(CodeSearch.codePrefix("E11.*")).isEqualTo("E11");
    assertThat(CodeSearch.codePrefix("E11.-")).isEqualTo("E11");
    assertThat(CodeSearch.codePrefix("0DTJ4ZZ")).isEqualTo("0DTJ4ZZ");
    assertThat(CodeSearch.codePrefix("99213")).isEqualTo("99213");
    assertThat(CodeSearch.codePrefix("head")).isNull();
    assertThat(CodeSearch.codePrefix("pneumonia")).isNull();
  }
}
