package org.openencoder.codeset.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.MalformedFileException;

/**
 * Reads the descriptor files of the AMA CPT data files that a CPT licensee receives, one {@link
 * CptDescriptor} per code. This import is off by default: only an operator with a CPT licence turns
 * it on, and no AMA file is in this repository or its tests.
 *
 * <p>Supported: the one-code-per-line descriptor files, {@code LONGULT.TXT} and {@code LONGUT.TXT}
 * ("Long Description Upper/Lower Case - Tab-Delimited Format", and its upper-case twin), {@code
 * MEDU.TXT} (medium) and {@code SHORTU.TXT} (short), as the NLM lists the AMA distribution in its
 * UMLS "CPT Source Information" (2012AA). Each line is the 5-character code, one separator, then
 * the descriptor to the end of the line:
 *
 * <pre>
 * 99990&lt;TAB&gt;Synthetic descriptor for testing only       (tab-delimited files)
 * 99990 Synthetic descriptor for testing only              (fixed field: code in 1-5, blank 6)
 * </pre>
 *
 * The AMA's layout note for its ASCII text files ("CPT 2001 ASCII text files", filelayout.txt)
 * gives the fixed-field forms: short descriptions have the code in positions 1-5, a blank in 6 and
 * the text from 7; it also says the AMA copyright notice "starts immediately on the line/record 1,
 * position 1" and the codes follow it. So lines before the first code line are taken as that notice
 * and skipped; after it, every non-blank line must be a code line, and a file without any code line
 * is malformed.
 *
 * <p>Not supported: the fixed-field long files ({@code LONGULF.TXT}, {@code LONGUF.TXT}), which
 * split a descriptor over 72-character records and number them in positions 6-7, and the CPT Link
 * (DTK) pipe-delimited concept files. Either fails as malformed rather than importing wrong text.
 *
 * <p>The reader is lazy and pure; it does not close the input stream, which belongs to the caller.
 */
final class CptLicensedDescriptorReader {

  // Category I codes are 5 digits; Category II, III, PLA and others end in a letter (F, T, U...).
  private static final Pattern CODE_LINE = Pattern.compile("([0-9]{4}[0-9A-Z])[\\t ](.*)");
  private static final Pattern STARTS_WITH_CODE = Pattern.compile("[0-9]{4}[0-9A-Z].*");

  private CptLicensedDescriptorReader() {}

  /**
   * The descriptors of one AMA descriptor file, in file order. The AMA does not state an encoding
   * for these files; pass the one of the release at hand (US-ASCII text reads as UTF-8 too).
   */
  static Stream<CptDescriptor> read(InputStream in, String fileName, Charset charset) {
    BufferedReader text = new BufferedReader(new InputStreamReader(in, charset));
    Spliterator<CptDescriptor> descriptors =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private long lineNumber;
          private boolean codesStarted;

          @Override
          public boolean tryAdvance(Consumer<? super CptDescriptor> action) {
            while (true) {
              String line = nextLine();
              if (line == null) {
                if (!codesStarted) {
                  throw new MalformedFileException(fileName, 0, "has no code lines");
                }
                return false;
              }
              if (line.isBlank()) {
                continue;
              }
              if (lineNumber == 1 && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
              }
              Matcher code = CODE_LINE.matcher(line);
              if (!code.matches()) {
                if (codesStarted || STARTS_WITH_CODE.matcher(line).matches()) {
                  throw new MalformedFileException(
                      fileName,
                      lineNumber,
                      "is not a code, a tab or blank, and a descriptor (fixed-field long files"
                          + " with sequence numbers are not supported)");
                }
                continue;
              }
              codesStarted = true;
              String descriptor = code.group(2).strip();
              if (descriptor.isEmpty()) {
                throw new MalformedFileException(
                    fileName, lineNumber, code.group(1) + " has no descriptor");
              }
              action.accept(new CptDescriptor(code.group(1), descriptor, lineNumber));
              return true;
            }
          }

          private @Nullable String nextLine() {
            try {
              lineNumber++;
              return text.readLine();
            } catch (IOException e) {
              throw new MalformedFileException(fileName, lineNumber, "cannot be read", e);
            }
          }
        };
    return StreamSupport.stream(descriptors, false);
  }
}
