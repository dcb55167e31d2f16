package org.openencoder.codeset.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.IndexTerm;
import org.openencoder.codeset.Release;
import org.openencoder.codeset.Release.MissingFile;
import org.openencoder.codeset.Release.SourceFileRecord;
import org.openencoder.codeset.ReleaseDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Releases and their content in PostgreSQL, the system of record. */
@Repository
public class JdbcReleaseStore {

  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};
  private static final TypeReference<List<MissingFile>> MISSING = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JsonMapper json;

  JdbcReleaseStore(
      JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, JsonMapper json) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.json = json;
  }

  public JsonMapper json() {
    return json;
  }

  /** Records a release as importing, with its files and what is missing; returns its id. */
  public long begin(
      ReleaseDefinition definition,
      String fingerprint,
      List<SourceFileRecord> files,
      List<MissingFile> missing) {
    return transactions.execute(
        status -> {
          long id =
              jdbc.sql(
                      """
                      insert into code_release (dataset, version, title, effective_from, effective_to,
                          state, fingerprint, missing)
                      values (?, ?, ?, ?, ?, 'importing', ?, ?::jsonb) returning id""")
                  .params(
                      definition.dataset(),
                      definition.version(),
                      definition.title(),
                      definition.effectiveFrom(),
                      definition.effectiveTo(),
                      fingerprint,
                      json.writeValueAsString(missing))
                  .query(Long.class)
                  .single();
          for (SourceFileRecord file : files) {
            jdbc.sql(
                    """
                    insert into release_file (release_id, role, file_name, member, official_url,
                        sha256, bytes, present, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                    id,
                    file.role(),
                    file.fileName(),
                    file.member(),
                    file.officialUrl(),
                    file.sha256(),
                    file.bytes(),
                    file.present(),
                    file.note())
                .update();
          }
          return id;
        });
  }

  /**
   * Makes a release the active copy of its data set and version in one transaction: the copy it
   * replaces is retired in the same commit, so readers see the old or the new, never neither.
   */
  public void activate(long id, Map<String, Long> counts) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  update code_release set state = 'retired'
                  where state = 'active' and (dataset, version) =
                      (select dataset, version from code_release where id = ?)""")
              .param(id)
              .update();
          jdbc.sql(
                  """
                  update code_release set state = 'active', counts = ?::jsonb,
                      finished_at = now(), activated_at = now() where id = ?""")
              .params(json.writeValueAsString(counts), id)
              .update();
        });
  }

  /** Marks a failed import and drops what it wrote; the release in force is untouched. */
  public void fail(long id, String failure) {
    transactions.executeWithoutResult(
        status -> {
          for (String table : List.of("code_entry", "index_entry", "release_document")) {
            jdbc.sql("delete from " + table + " where release_id = ?").param(id).update();
          }
          jdbc.sql(
                  "update code_release set state = 'failed', failure = ?, finished_at = now() where id = ?")
              .params(failure, id)
              .update();
        });
  }

  public JdbcReleaseWriter writer(long releaseId, Consumer<String> progress) {
    return new JdbcReleaseWriter(releaseId, dataSource, json, progress);
  }

  public Optional<Release> findActive(String dataset, String version) {
    return releases("where dataset = ? and version = ? and state = 'active'", dataset, version)
        .stream()
        .findFirst();
  }

  public List<Release> active() {
    return releases("where state = 'active'");
  }

  /** Every release ever imported, newest first within each data set. */
  public List<Release> all() {
    return releases("");
  }

  private List<Release> releases(String where, Object... params) {
    Map<Long, List<SourceFileRecord>> files = new LinkedHashMap<>();
    jdbc.sql("select * from release_file order by release_id, role")
        .query(
            (ResultSet rs) -> {
              files
                  .computeIfAbsent(rs.getLong("release_id"), k -> new ArrayList<>())
                  .add(
                      new SourceFileRecord(
                          rs.getString("role"),
                          rs.getString("file_name"),
                          rs.getString("member"),
                          rs.getString("official_url"),
                          rs.getString("sha256"),
                          (Long) rs.getObject("bytes"),
                          rs.getBoolean("present"),
                          rs.getString("note")));
            });
    return jdbc.sql(
            "select * from code_release "
                + where
                + " order by dataset, effective_from desc, id desc")
        .params(Arrays.asList(params))
        .query((rs, n) -> release(rs, files.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  private Release release(ResultSet rs, List<SourceFileRecord> files) throws SQLException {
    return new Release(
        rs.getLong("id"),
        rs.getString("dataset"),
        rs.getString("version"),
        rs.getString("title"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getObject("effective_to", LocalDate.class),
        Release.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        rs.getString("fingerprint"),
        json.readValue(rs.getString("counts"), COUNTS),
        json.readValue(rs.getString("missing"), MISSING),
        files,
        rs.getString("failure"),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        instant(rs.getTimestamp("activated_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Streams a release's codes in file order, without their detail. */
  public void forEachCode(long releaseId, Consumer<CodeEntry> sink) {
    jdbc.sql(
            """
            select code, kind, billable, title, short_title, parent, ordinal from code_entry
            where release_id = ? order by ordinal""")
        .param(releaseId)
        .query(
            (ResultSet rs) -> {
              sink.accept(
                  new CodeEntry(
                      rs.getString(1),
                      CodeEntry.Kind.valueOf(rs.getString(2)),
                      rs.getBoolean(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getInt(7)));
            });
  }

  /** Every index term and table cell of a release that leads to a code, in index order. */
  public void forEachIndexTerm(long releaseId, Consumer<IndexTerm> sink) {
    jdbc.sql(
            """
            select source, path, code, detail->>'column' from index_entry
            where release_id = ? and code is not null order by source, ordinal""")
        .param(releaseId)
        .query(
            (ResultSet rs) -> {
              sink.accept(
                  new IndexTerm(
                      rs.getString(1),
                      textArray(rs.getArray(2)),
                      rs.getString(3),
                      rs.getString(4)));
            });
  }

  /** The notes of one kind ("inclusionTerm") that a release's Tabular List prints at each code. */
  public Map<String, List<String>> notes(long releaseId, String kind) {
    Map<String, List<String>> notes = new LinkedHashMap<>();
    jdbc.sql(
            """
            select code, detail->'notes'->(?::text) from code_entry
            where release_id = ? and detail->'notes'->(?::text) is not null order by ordinal""")
        .params(kind, releaseId, kind)
        .query(
            (ResultSet rs) -> {
              notes.put(rs.getString(1), json.readValue(rs.getString(2), STRING_LIST));
            });
    return notes;
  }

  /** The stored detail of one code as JSON, if it has any. */
  public Optional<String> codeDetail(long releaseId, String code) {
    return jdbc.sql("select detail::text from code_entry where release_id = ? and code = ?")
        .params(releaseId, code)
        .query(String.class)
        .optional();
  }

  /** Index terms (and table rows) that lead to a code, in index order. */
  public List<StoredIndexEntry> indexEntriesFor(long releaseId, List<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select source, ordinal, path, code, detail::text from index_entry
            where release_id = ? and code = any(?) order by source, ordinal""")
        .params(releaseId, codes.toArray(String[]::new))
        .query(
            (rs, n) ->
                new StoredIndexEntry(
                    rs.getString(1),
                    rs.getInt(2),
                    textArray(rs.getArray(3)),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  private static List<String> textArray(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }

  public Optional<String> document(long releaseId, String kind, String key) {
    return jdbc.sql(
            "select doc::text from release_document where release_id = ? and kind = ? and key = ?")
        .params(releaseId, kind, key)
        .query(String.class)
        .optional();
  }

  /** All documents of a kind, by key, in key order. */
  public Map<String, String> documents(long releaseId, String kind) {
    Map<String, String> documents = new LinkedHashMap<>();
    jdbc.sql(
            "select key, doc::text from release_document where release_id = ? and kind = ? order by key")
        .params(releaseId, kind)
        .query(
            (ResultSet rs) -> {
              documents.put(rs.getString(1), rs.getString(2));
            });
    return documents;
  }

  /** An index entry as stored. */
  public record StoredIndexEntry(
      String source, int ordinal, List<String> path, String code, String detailJson) {}
}
