package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The condition a default code stands for, read off its title (ICD-10-CM convention I.A.9). */
class VocabularyTest {

  @Test
  void aDefaultCodesTitleLessItsDefaultWordsIsTheConditionItCodes() {
    assertThat(Vocabulary.defaultTerm("Rheumatoid arthritis, unspecified"))
        .contains("Rheumatoid arthritis");
    assertThat(Vocabulary.defaultTerm("Unspecified otitis externa, unspecified ear"))
        .contains("otitis externa");
    assertThat(Vocabulary.defaultTerm("Type 2 diabetes mellitus without complications"))
        .contains("Type 2 diabetes mellitus");
    assertThat(Vocabulary.defaultTerm("Nicotine dependence, cigarettes, uncomplicated"))
        .contains("Nicotine dependence, cigarettes");
    assertThat(Vocabulary.defaultTerm("Pneumonia, unspecified organism")).contains("Pneumonia");
  }

  @Test
  void theTabularsOtherNosFormsAreDefaultsToo() {
    assertThat(Vocabulary.defaultTerm("Bronchitis, not specified as acute or chronic"))
        .contains("Bronchitis");
    assertThat(
            Vocabulary.defaultTerm(
                "Malignant neoplasm of liver, not specified as primary or secondary"))
        .contains("Malignant neoplasm of liver");
    assertThat(
            Vocabulary.defaultTerm(
                "Epilepsy, unspecified, not intractable, without status epilepticus"))
        .contains("Epilepsy");
    assertThat(
            Vocabulary.defaultTerm(
                "Unilateral inguinal hernia, without obstruction or gangrene, not specified as"
                    + " recurrent"))
        .contains("Unilateral inguinal hernia");
    // "with status epilepticus" is a specific form, not a default.
    assertThat(
            Vocabulary.defaultTerm(
                "Epilepsy, unspecified, not intractable, with status epilepticus"))
        .isEmpty();
  }

  @Test
  void specificResidualAndInjuryTitlesHaveNone() {
    assertThat(Vocabulary.defaultTerm("Old myocardial infarction")).isEmpty();
    assertThat(Vocabulary.defaultTerm("Other specified disorders of synovium, unspecified site"))
        .isEmpty();
    assertThat(
            Vocabulary.defaultTerm(
                "Fracture of unspecified carpal bone, unspecified wrist, initial encounter for"
                    + " closed fracture"))
        .isEmpty();
    assertThat(
            Vocabulary.defaultTerm(
                "Malignant neoplasm of unspecified site of unspecified female breast"))
        .isEmpty();
  }
}
