package org.openencoder.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The codes an Excludes1 note names, in every form the Tabular List prints them. */
class Excludes1IndexTest {

  @Test
  void aCategoryWithDashNamesEveryCodeInIt() {
    Excludes1Index.Note note =
        Excludes1Index.parse("E11", "E11", "type 1 diabetes mellitus (E10.-)");

    assertThat(note.names("E109")).isTrue();
    assertThat(note.names("E10")).isTrue();
    assertThat(note.names("E119")).isFalse();
  }

  @Test
  void rangesOfCategoriesAndOfSubcategories() {
    Excludes1Index.Note categories =
        Excludes1Index.parse(
            "I10",
            "I10",
            "hypertensive disease complicating pregnancy, childbirth and the puerperium (O10-O11,"
                + " O13-O16)");
    Excludes1Index.Note subcategories =
        Excludes1Index.parse("E78", "E78", "sphingolipidosis (E75.0-E75.3)");

    assertThat(categories.names("O1002")).isTrue();
    assertThat(categories.names("O111")).isTrue();
    assertThat(categories.names("O12")).isFalse();
    assertThat(categories.names("O1203")).isFalse();
    assertThat(categories.names("O165")).isTrue();
    assertThat(subcategories.names("E7522")).isTrue();
    assertThat(subcategories.names("E754")).isFalse();
  }

  @Test
  void listsOfCodesWithPlaceholdersAndTrailingDashes() {
    Excludes1Index.Note note =
        Excludes1Index.parse(
            "J06",
            "J06",
            "influenza virus with other respiratory manifestations (J09.X2, J10.1, J11.1)");
    Excludes1Index.Note dash =
        Excludes1Index.parse("A04", "A04", "Clostridium difficile infection (A04.7-)");

    assertThat(note.names("J09X2")).isTrue();
    assertThat(note.names("J101")).isTrue();
    assertThat(note.names("J100")).isFalse();
    assertThat(dash.names("A0471")).isTrue();
    assertThat(dash.names("A048")).isFalse();
  }

  @Test
  void aNoteThatNamesNoCodeIsNotKept() {
    assertThat(
            Excludes1Index.parse(
                "chapter 1",
                "Chapter 1",
                "certain localized infections - see body system-related chapters"))
        .isNull();
  }
}
