package org.openencoder.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.search.SearchHit.Span;
import org.openencoder.search.web.MarkedTitle.Part;

class MarkedTitleTest {

  private static final String TITLE = "Type 2 diabetes mellitus without complications";

  @Test
  void marksTheSpansAndKeepsEveryCharacterOfTheTitle() {
    MarkedTitle marked = MarkedTitle.of(TITLE, List.of(new Span(7, 15), new Span(16, 24)));
    assertThat(marked.parts())
        .containsExactly(
            new Part("Type 2 ", false),
            new Part("diabetes", true),
            new Part(" ", false),
            new Part("mellitus", true),
            new Part(" without complications", false));
  }

  @Test
  void unsortedOverlappingTouchingAndOutOfRangeSpansAreSortedMergedAndClipped() {
    MarkedTitle marked =
        MarkedTitle.of(
            "Pneumonia, unspecified",
            List.of(new Span(11, 99), new Span(0, 5), new Span(3, 9), new Span(9, 10)));
    assertThat(marked.parts())
        .containsExactly(
            new Part("Pneumonia,", true), new Part(" ", false), new Part("unspecified", true));
    assertThat(String.join("", marked.parts().stream().map(Part::text).toList()))
        .isEqualTo("Pneumonia, unspecified");
  }

  @Test
  void noSpansOrAnEmptyTitleGiveTheTitleUnmarked() {
    assertThat(MarkedTitle.of(TITLE, List.of()).parts()).containsExactly(new Part(TITLE, false));
    assertThat(MarkedTitle.of("", List.of(new Span(0, 4))).parts()).isEmpty();
  }
}
