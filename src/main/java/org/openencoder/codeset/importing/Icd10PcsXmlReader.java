package org.openencoder.codeset.importing;

import java.io.InputStream;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * What the CMS ICD-10-PCS XML readers (tables, definitions, index) share: each file opens with its
 * root element, {@code <version>} and {@code <title>}, which the reader reads when constructed, and
 * then lists the elements that the reader streams. Closing the reader does not close the input
 * stream, which belongs to the caller.
 */
abstract class Icd10PcsXmlReader implements AutoCloseable {

  final XmlCursor xml;
  private final String version;
  private final String title;

  /** Opens the file and reads its header; {@code fileName} names it in error messages. */
  Icd10PcsXmlReader(InputStream in, String fileName, String root) {
    this.xml = new XmlCursor(in, fileName);
    xml.root(root);
    this.version = xml.childText("version");
    this.title = xml.childText("title");
  }

  /** The release year as the file states it, e.g. "2026". */
  final String version() {
    return version;
  }

  /** The file's own title, e.g. "2026 ICD-10-PCS Tables". */
  final String title() {
    return title;
  }

  @Override
  public final void close() {
    xml.close();
  }

  /**
   * The elements that {@code next} reads, one at a time as the stream is consumed; {@code next}
   * returns null after the last. The stream can be consumed once.
   */
  static <T> Stream<T> stream(Supplier<@Nullable T> next) {
    return StreamSupport.stream(
        new Spliterators.AbstractSpliterator<T>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            T element = next.get();
            if (element == null) {
              return false;
            }
            action.accept(element);
            return true;
          }
        },
        false);
  }
}
