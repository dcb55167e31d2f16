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

  static void findings(JsonGenerator out, int claim, @Nullable String id, List<Finding> findings) {
    start(out, claim, id);
    out.writeName(FINDINGS);
    out.writeStartArray(findings, findings.size());
    for (Finding finding : findings) {
      finding(out, finding);
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

  private static void finding(JsonGenerator out, Finding finding) {
    out.writeStartObject();
    out.writeName(RULE);
    out.writeString(finding.rule());
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
    out.writeString(finding.message());
    out.writeName(FIX);
    nullable(out, finding.fix());
    Finding.Source source = finding.source();
    out.writeName(SOURCE);
    out.writeStartObject();
    out.writeName(FILE);
    out.writeString(source.file());
    out.writeName(RELEASE);
    out.writeString(source.release());
    out.writeName(EFFECTIVE);
    // ISO-8601, as the single-claim answer writes a LocalDate.
    nullable(out, source.effective() == null ? null : source.effective().toString());
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void nullable(JsonGenerator out, @Nullable String value) {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
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
