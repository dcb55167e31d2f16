package org.openencoder.codeset.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The editorial store of written plain-language descriptions. */
@Repository
public class JdbcPlainLanguage {

  private final JdbcClient jdbc;

  JdbcPlainLanguage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Saves a draft written by an author; returns its id. */
  public long draft(String system, String code, String text, String author) {
    return jdbc.sql(
            """
            insert into plain_language_description (code_system, code, text, author, review_status)
            values (?, ?, ?, ?, 'draft') returning id""")
        .params(system, code, text, author)
        .query(Long.class)
        .single();
  }

  /** A reviewer accepts a draft; from then on code pages show it. */
  public void review(long id, String reviewer, boolean accepted) {
    jdbc.sql(
            """
            update plain_language_description set review_status = ?, reviewed_by = ?,
                reviewed_at = now() where id = ?""")
        .params(accepted ? "reviewed" : "rejected", reviewer, id)
        .update();
  }

  /** The newest reviewed description of a code. */
  public Optional<Description> reviewed(String system, String code) {
    return jdbc.sql(
            """
            select text, author, review_status, reviewed_by from plain_language_description
            where code_system = ? and code = ? and review_status = 'reviewed'
            order by reviewed_at desc limit 1""")
        .params(system, code)
        .query(
            (rs, n) ->
                new Description(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** A written description. */
  public record Description(String text, String author, String reviewStatus, String reviewedBy) {}
}
