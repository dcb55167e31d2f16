package org.openencoder.claims;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeFactSource.Citation;
import org.openencoder.codeset.Release;

/**
 * What one edit says about a claim: which rule, how serious, the lines and codes it concerns, what
 * to do, and where the rule comes from.
 *
 * @param rule the edit family and the kind of finding, e.g. "ncci-ptp.not-allowed"
 * @param lines 1-based line numbers, as printed on the claim form; empty for claim-level findings
 * @param codes the codes involved, as printed (E11.9, 99213)
 * @param fix what to do about it, or null when nothing needs doing
 */
public record Finding(
    String rule,
    Severity severity,
    List<Integer> lines,
    List<String> codes,
    String message,
    @Nullable String fix,
    Source source) {

  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
    Objects.requireNonNull(source);
    lines = List.copyOf(lines);
    codes = List.copyOf(codes);
  }

  /** How a payer is likely to treat it. */
  public enum Severity {
    /** The line or claim will be denied or rejected as reported. */
    ERROR,
    /** Likely denied or questioned unless the documentation supports it. */
    WARNING,
    /** Worth knowing: an edit passed on a condition, or was not checked. */
    INFO;

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Where the rule comes from.
   *
   * @param file the official file (and line or row), or the manual and section
   * @param release the release or edition, e.g. "NCCI MUE 2026 Q2"
   * @param effective the first day the release is in force, or null when none is loaded
   */
  public record Source(String file, String release, @Nullable LocalDate effective) {

    public static Source of(Citation citation) {
      return new Source(citation.file(), citation.release(), citation.effectiveFrom());
    }

    public static Source of(Release release, String role) {
      return of(Citation.of(release, role));
    }

    /** The same source, pointing at one line (or spreadsheet row) of the file. */
    public Source atLine(long line) {
      return new Source(file + ", line " + line, release, effective);
    }

    public Source atRow(long row) {
      return new Source(file + ", row " + row, release, effective);
    }
  }
}
