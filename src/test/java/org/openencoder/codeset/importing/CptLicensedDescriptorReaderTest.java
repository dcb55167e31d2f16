package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openencoder.codeset.MalformedFileException;

/** Synthetic fixtures only (see src/test/resources/codeset/cpt-licensed/README.md). */
class CptLicensedDescriptorReaderTest {

  private static final String FIXTURES = "/codeset/cpt-licensed/";

  private static List<CptDescriptor> fixture(String name) throws IOException {
    try (InputStream in =
            Objects.requireNonNull(
                CptLicensedDescriptorReaderTest.class.getResourceAsStream(FIXTURES + name), name);
        Stream<CptDescriptor> descriptors =
            CptLicensedDescriptorReader.read(in, name, StandardCharsets.UTF_8)) {
      return descriptors.toList();
    }
  }

  private static List<CptDescriptor> read(String text) {
    try (Stream<CptDescriptor> descriptors =
        CptLicensedDescriptorReader.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            "x.txt",
            StandardCharsets.UTF_8)) {
      return descriptors.toList();
    }
  }

  @Test
  void readsTheTabDelimitedLongFileAfterItsNotice() throws IOException {
    assertThat(fixture("LONGULT.txt"))
        .containsExactly(
            new CptDescriptor("99990", "Synthetic descriptor for testing only 1", 3),
            new CptDescriptor(
                "99991",
                "Synthetic descriptor for testing only 2, with a comma; and a semicolon",
                4),
            new CptDescriptor(
                "9999F", "Synthetic descriptor for testing only 3 (letter-suffixed code)", 6),
            new CptDescriptor("9999T", "Synthetic descriptor for testing only 4 with padding", 7));
  }

  @Test
  void readsTheFixedFieldShortFile() throws IOException {
    assertThat(fixture("SHORTU.txt"))
        .containsExactly(
            new CptDescriptor("99990", "Synthetic short 1", 1),
            new CptDescriptor("99991", "Synthetic short 2", 2));
  }

  @Test
  void rejectsANonCodeLineAmongTheCodes() {
    String text = "99990\tSynthetic descriptor for testing only 1\nSynthetic stray line\n";

    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void rejectsTheFixedFieldLongFileWithSequenceNumbers() {
    // LONGULF: code, 2-digit sequence number, blank, 72 characters of text.
    String text = "9999001 Synthetic descriptor for testing only 1\n";

    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void rejectsACodeWithoutDescriptor() {
    assertThatThrownBy(() -> read("99990\t   \n"))
        .isInstanceOfSatisfying(
            MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void rejectsAFileWithoutCodes() {
    assertThatThrownBy(() -> read("Synthetic notice only\n"))
        .isInstanceOf(MalformedFileException.class);
  }
}
