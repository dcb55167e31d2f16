package org.openencoder.search.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openencoder.search.SearchHit;
import org.openencoder.search.SearchResults;
import org.openencoder.search.SearchResults.SearchedRelease;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SearchResults} as the API's JSON, written field by field with Jackson's streaming
 * generator: the bytes the JsonMapper writes for the records (SearchResultsJsonTest holds the two
 * to the same output), without its per-property accessor calls and Spring's choice of converter on
 * every answer. A search answered from memory costs little else, so on the API's busiest path this
 * was a fifth of a request.
 */
final class SearchResultsJson {

  private final JsonMapper json;

  SearchResultsJson(JsonMapper json) {
    this.json = json;
  }

  byte[] write(SearchResults results) {
    // An answer of 20 codes is 4 to 8 kB.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (JsonGenerator out = json.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringProperty("query", results.query());
      out.writeName("results");
      out.writeStartArray();
      for (SearchHit hit : results.results()) {
        write(hit, out);
      }
      out.writeEndArray();
      out.writeName("releases");
      out.writeStartArray();
      for (SearchedRelease release : results.releases()) {
        out.writeStartObject();
        out.writeStringProperty("system", release.system());
        out.writeStringProperty("title", release.title());
        out.writeStringProperty("version", release.version());
        writeDate("effectiveFrom", release.effectiveFrom(), out);
        writeDate("effectiveTo", release.effectiveTo(), out);
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeName("notices");
      out.writeStartArray();
      for (String notice : results.notices()) {
        out.writeString(notice);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static void write(SearchHit hit, JsonGenerator out) {
    out.writeStartObject();
    out.writeStringProperty("system", hit.system());
    out.writeStringProperty("code", hit.code());
    out.writeStringProperty("title", hit.title());
    out.writeBooleanProperty("billable", hit.billable());
    out.writeNumberProperty("score", hit.score());
    out.writeStringProperty("matchedOn", hit.matchedOn());
    out.writeName("highlights");
    out.writeStartArray();
    for (SearchHit.Span span : hit.highlights()) {
      out.writeStartObject();
      out.writeNumberProperty("start", span.start());
      out.writeNumberProperty("end", span.end());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeStringProperty("category", hit.category());
    out.writeStringProperty("categoryTitle", hit.categoryTitle());
    out.writeStringProperty("release", hit.release());
    out.writeEndObject();
  }

  private static void writeDate(String name, @Nullable LocalDate date, JsonGenerator out) {
    out.writeStringProperty(name, date == null ? null : date.toString());
  }
}
