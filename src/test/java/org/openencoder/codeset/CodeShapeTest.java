package org.openencoder.codeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;

/**
 * {@link CodeSystem#hasShape} tests by hand what these regular expressions (its former definition)
 * match: every code of every loaded release, and random strings, get the same answer from both.
 */
class CodeShapeTest extends RunningApplication {

  private static final Map<CodeSystem, Pattern> SHAPES = new EnumMap<>(CodeSystem.class);

  static {
    SHAPES.put(
        CodeSystem.ICD10CM,
        Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}|[A-Z][A-Z][0-9][0-9A-Z]{0,4}"));
    SHAPES.put(CodeSystem.ICD10PCS, Pattern.compile("[0-9A-HJ-NP-Z]{3,7}"));
    SHAPES.put(CodeSystem.HCPCS, Pattern.compile("[A-Z][0-9]{4}|[A-Z0-9]{2}"));
    SHAPES.put(CodeSystem.CPT, Pattern.compile("[0-9]{4}[0-9AFMTU]"));
  }

  @Test
  void everyCodeOfEveryLoadedReleaseGetsTheSameAnswerAsTheRegularExpression() {
    List<String> codes = new ArrayList<>();
    for (Release release : codeSets.activeReleases()) {
      codeSets.catalog(release.id()).ifPresent(c -> c.entries().forEach(e -> codes.add(e.code())));
    }
    // Every data set with a code list: ICD-10-CM, ICD-10-PCS, HCPCS (codes and modifiers), RVU.
    assertThat(codes).hasSizeGreaterThan(300_000);
    Map<CodeSystem, Integer> matched = new EnumMap<>(CodeSystem.class);
    for (String code : codes) {
      for (CodeSystem system : CodeSystem.values()) {
        boolean expected = SHAPES.get(system).matcher(code).matches();
        assertThat(system.hasShape(code)).as("%s %s", system, code).isEqualTo(expected);
        if (expected) {
          matched.merge(system, 1, Integer::sum);
        }
      }
    }
    // Each shape matched real codes, so the comparison was not vacuous.
    assertThat(matched.keySet()).containsExactlyInAnyOrder(CodeSystem.values());
  }

  @Test
  void randomStringsAndEdgeCasesGetTheSameAnswerAsTheRegularExpression() {
    List<String> samples =
        new ArrayList<>(
            List.of(
                "",
                "A",
                "E1",
                "EE",
                "QA0",
                "QA00",
                "QA0012",
                "QA00123",
                "QA001234",
                "E119",
                "E11.9",
                "e119",
                "S52521A",
                "S52521AB",
                "0016070",
                "00160701",
                "0I6070",
                "0O6",
                "99213",
                "9921",
                "992130",
                "0001U",
                "0001B",
                "A4253",
                "A425",
                "AA253",
                "25",
                "5",
                "LT",
                "L",
                "É11",
                "E١١",
                " E11",
                "E11 "));
    // Each character a digit, a letter (I and O often) or something else, equally likely, so
    // that many samples have a system's shape and many miss it by one character.
    String[] kinds = {"0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZIOIO", "az.-/ @[`{"};
    Random random = new Random(1);
    for (int i = 0; i < 300_000; i++) {
      StringBuilder code = new StringBuilder();
      int length = random.nextInt(9);
      for (int c = 0; c < length; c++) {
        String kind = kinds[random.nextInt(kinds.length)];
        code.append(kind.charAt(random.nextInt(kind.length())));
      }
      samples.add(code.toString());
    }
    for (String code : samples) {
      for (CodeSystem system : CodeSystem.values()) {
        assertThat(system.hasShape(code))
            .as("%s '%s'", system, code)
            .isEqualTo(SHAPES.get(system).matcher(code).matches());
      }
    }
  }
}
