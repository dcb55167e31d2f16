package org.openencoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.openencoder.platform.OpenEncoderProperties;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

/** The code index is kept under OPENENCODER_HOME and a new node process reopens it unchanged. */
class CodeIndexOnDiskTest extends RunningApplication {

  @Autowired CodeIndex index;
  @Autowired OpenEncoderProperties properties;

  private Path builtIndex() throws IOException {
    try (Stream<Path> folders = Files.list(properties.home().resolve("search"))) {
      List<Path> complete = folders.filter(p -> Files.exists(p.resolve("complete"))).toList();
      assertThat(complete).hasSize(1);
      return complete.get(0);
    }
  }

  private static FileTime newestFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(
              f -> {
                try {
                  return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .max(FileTime::compareTo)
          .orElseThrow();
    }
  }

  @Test
  void aRestartReopensTheIndexItBuiltInsteadOfBuildingItAgain() throws IOException {
    TermQuery e119 = new TermQuery(new Term(CodeIndex.CODE, "E119"));
    assertThat(index.search(e119, 5)).isNotEmpty();
    Path folder = builtIndex();
    assertThat(folder.getFileName().toString()).startsWith("index-v" + CodeIndex.LAYOUT + "-");
    FileTime written = newestFile(folder);

    // A second index over the same releases and home, as after a restart.
    CodeIndex reopened = new CodeIndex(codeSets, properties);
    assertThat(reopened.search(e119, 5))
        .extracting(CodeIndex.Found::code)
        .containsExactlyElementsOf(
            index.search(e119, 5).stream().map(CodeIndex.Found::code).toList());
    assertThat(builtIndex()).isEqualTo(folder);
    assertThat(newestFile(folder)).isEqualTo(written);
  }
}
