package org.openencoder.mce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.Release;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** The MCE v43.1 release as imported, and the lookups the claim checker makes. */
class MedicareCodeEditorTest extends RunningApplication {

  @Autowired MedicareCodeEditor editor;

  @Test
  void v431IsInForceFromAprilToTheEndOfFiscalYear2026() {
    MceEdits edits = editor.inForce(LocalDate.of(2026, 5, 1)).orElseThrow();
    Release release = edits.release();

    assertThat(release.version()).isEqualTo("v43.1");
    assertThat(release.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(release.effectiveTo()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(release.count("UNSPECIFIED_CODE")).isEqualTo(3_465);
    assertThat(release.files())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.sha256())
                    .isEqualTo("1a37fd3d80074afca8c6ef4f7201018951df6b59da32d37db5feffa9428dcde5"));
    assertThat(editor.inForce(LocalDate.of(2026, 3, 31))).isEmpty();
    assertThat(editor.inForce(LocalDate.of(2026, 10, 1))).isEmpty();
    assertThat(editor.newest()).get().extracting(e -> e.release().id()).isEqualTo(release.id());
  }

  @Test
  void aListingIsCitedToItsFileAndLine() {
    MceEdits edits = editor.newest().orElseThrow();

    MceListing tetanus = edits.listing(MceList.NEWBORN_DIAGNOSIS, "A33").orElseThrow();
    assertThat(tetanus.description()).isEqualTo("Tetanus neonatorum");
    assertThat(tetanus.file()).isEqualTo("Definitions of Medicare Code Edits_v_43_1.txt");
    assertThat(tetanus.line()).isEqualTo(113);
    assertThat(edits.codes(MceList.MATERNITY_DIAGNOSIS)).hasSize(2_543);
    assertThat(edits.codes(MceList.ADULT_DIAGNOSIS)).hasSize(856);
    assertThat(edits.listing(MceList.UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY, "Z51.89"))
        .isPresent();
    assertThat(edits.listing(MceList.NEWBORN_DIAGNOSIS, "E11.9")).isEmpty();
  }

  @Test
  void theAgeRangesAndTheSexEditAreTheFilesWords() {
    MceEdits edits = editor.newest().orElseThrow();

    assertThat(edits.ages(MceList.MATERNITY_DIAGNOSIS)).contains(new AgeRange(9, 64));
    assertThat(edits.ages(MceList.PEDIATRIC_DIAGNOSIS))
        .isEqualTo(MceList.PEDIATRIC_DIAGNOSIS.ages());
    assertThat(edits.sexConflict().deactivated())
        .isEqualTo(MedicareCodeEditor.SEX_CONFLICT_DEACTIVATED);
    assertThat(edits.sexConflict().heading()).contains("deactivated as of 10/01/2024");
    assertThat(edits.sexConflict().line()).isEqualTo(3686);
  }
}
