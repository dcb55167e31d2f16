package org.openencoder.codeset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openencoder.codeset.persistence.JdbcReleaseStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a release's order-file addenda say of a code, as a sentence for its page. */
final class AddendaNotes {

  private final JdbcReleaseStore store;
  private final JsonMapper json;

  AddendaNotes(JdbcReleaseStore store) {
    this.store = store;
    this.json = store.json();
  }

  /**
   * What the release's order-file addenda say of a code: added, deleted, turned into a header or
   * retitled at the start of the release.
   */
  Optional<String> noteFor(Release release, String code) {
    Optional<String> stored = store.document(release.id(), "addenda", code);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Map<String, JsonNode> byAction = new LinkedHashMap<>();
    json.readTree(stored.get()).forEach(c -> byAction.put(c.path("action").asString(), c));
    String from = release.effectiveFrom().toString();
    String source = " (" + release.title() + " order file addenda)";
    JsonNode added = byAction.get("Add");
    JsonNode deleted = byAction.get("Delete");
    if (deleted != null && added != null) {
      boolean nowHeader = !added.path("billable").asBoolean(true);
      return Optional.of(
          nowHeader
              ? "Valid for billing until the day before "
                  + from
                  + "; from "
                  + from
                  + " it is a header: report one of the codes under it"
                  + source
                  + "."
              : "Re-added on " + from + source + ".");
    }
    if (deleted != null) {
      return Optional.of(
          "Deleted effective "
              + from
              + source
              + "; its last title was \u201c"
              + deleted.path("title").asString()
              + "\u201d.");
    }
    if (added != null) {
      return Optional.of("New code, effective " + from + source + ".");
    }
    JsonNode before = byAction.get("Revise from");
    if (before != null) {
      return Optional.of(
          "Title revised effective "
              + from
              + source
              + "; it was \u201c"
              + before.path("title").asString()
              + "\u201d.");
    }
    return Optional.empty();
  }
}
