package org.openencoder.claims.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openencoder.claims.Finding;
import org.openencoder.claims.InvalidClaimException.FieldError;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * One line of a batch's results, {@code {"claim":n,"id":…,"findings":[…]}} or {@code
 * {"claim":n,"id":…,"errors":[…]}}, written token by token: a finding has the same JSON as in the
 * single-claim answer (the record's components, {@code null} written), without a serializer looking
 * up the record's properties for each of the hundreds of thousands of findings in a batch. {@code
 * id} is left out when the claim has none.
 */
final class BatchResultJson {

  private static final SerializableString CLAIM = new SerializedString("claim");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString FINDINGS = new SerializedString("findings");
  private static final SerializableString ERRORS = new SerializedString("errors");
  private static final SerializableString RULE = new SerializedString("rule");
  private static final SerializableString SEVERITY = new SerializedString("severity");
  private static final SerializableString LINES = new SerializedString("lines");
  private static final SerializableString CODES = new SerializedString("codes");
  private static final SerializableString MESSAGE = new SerializedString("message");
  private static final SerializableString FIX = new SerializedString("fix");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString FILE = new SerializedString("file");
  private static final SerializableString RELEASE = new SerializedString("release");
  private static final SerializableString EFFECTIVE = new SerializedString("effective");
  private static final SerializableString FIELD = new SerializedString("field");

  private static final SerializableString[] SEVERITIES = severities();

  private BatchResultJson() {}

  static void findings(
      JsonGenerator out,
      int claim,
      @Nullable String id,
      List<Finding> findings,
      SharedTexts texts) {
    start(out, claim, id);
    out.writeName(FINDINGS);
    out.writeStartArray(findings, findings.size());
    for (Finding finding : findings) {
      finding(out, finding, texts);
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  static void errors(JsonGenerator out, int claim, @Nullable String id, List<FieldError> errors) {
    start(out, claim, id);
    out.writeName(ERRORS);
    out.writeStartArray(errors, errors.size());
    for (FieldError error : errors) {
      out.writeStartObject();
      out.writeName(FIELD);
      out.writeString(error.field());
      out.writeName(MESSAGE);
      out.writeString(error.message());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void start(JsonGenerator out, int claim, @Nullable String id) {
    out.writeStartObject();
    out.writeName(CLAIM);
    out.writeNumber(claim);
    if (id != null) {
      out.writeName(ID);
      out.writeString(id);
    }
  }

  private static void finding(JsonGenerator out, Finding finding, SharedTexts texts) {
    out.writeStartObject();
    out.writeName(RULE);
    texts.write(out, finding.rule());
    out.writeName(SEVERITY);
    out.writeString(SEVERITIES[finding.severity().ordinal()]);
    out.writeName(LINES);
    List<Integer> lines = finding.lines();
    out.writeStartArray(lines, lines.size());
    for (Integer line : lines) {
      out.writeNumber(line);
    }
    out.writeEndArray();
    out.writeName(CODES);
    List<String> codes = finding.codes();
    out.writeStartArray(codes, codes.size());
    for (String code : codes) {
      out.writeString(code);
    }
    out.writeEndArray();
    out.writeName(MESSAGE);
    texts.write(out, finding.message());
    out.writeName(FIX);
    if (finding.fix() == null) {
      out.writeNull();
    } else {
      texts.write(out, finding.fix());
    }
    Finding.Source source = finding.source();
    out.writeName(SOURCE);
    out.writeStartObject();
    out.writeName(FILE);
    texts.write(out, source.file());
    out.writeName(RELEASE);
    texts.write(out, source.release());
    out.writeName(EFFECTIVE);
    // ISO-8601, as the single-claim answer writes a LocalDate (the release's own, shared).
    if (source.effective() == null) {
      out.writeNull();
    } else {
      texts.write(out, source.effective());
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  /**
   * The texts the checker shares between findings (a date's "not checked" wording, an MUE's fix, a
   * file's citation: the same String in every finding that has it), written from their JSON bytes,
   * escaped and encoded once. They are known by identity in a small direct-mapped table: a text
   * seen a second time in its slot is encoded and kept; a text of one finding only (a PTP pair's
   * message) just takes the slot. Notices and citations are most of the bytes of a typical batch's
   * results. One per thread: it is not thread-safe.
   */
  static final class SharedTexts {
    private static final int SLOTS = 1 << 10;
    private final Object[] seen = new Object[SLOTS];
    private final SerializableString[] encoded = new SerializableString[SLOTS];

    /** A text, or a value written as the string of its {@code toString()} (a date). */
    void write(JsonGenerator out, Object text) {
      int slot = System.identityHashCode(text) & (SLOTS - 1);
      if (seen[slot] != text) {
        seen[slot] = text;
        encoded[slot] = null;
        out.writeString(text.toString());
        return;
      }
      SerializableString json = encoded[slot];
      if (json == null) {
        json = new SerializedString(text.toString());
        encoded[slot] = json;
      }
      out.writeString(json);
    }
  }

  private static SerializableString[] severities() {
    Finding.Severity[] values = Finding.Severity.values();
    SerializableString[] names = new SerializableString[values.length];
    for (Finding.Severity severity : values) {
      names[severity.ordinal()] = new SerializedString(severity.value());
    }
    return names;
  }
}
