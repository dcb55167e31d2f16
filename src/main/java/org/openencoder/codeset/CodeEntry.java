package org.openencoder.codeset;

/**
 * A code as one release lists it. Held in memory for every active release; the instructional notes
 * and other detail stay in PostgreSQL until a page asks for them.
 *
 * @param code normalized (no dot)
 * @param parent the nearest listed ancestor, or null at the top
 */
public record CodeEntry(
    String code,
    Kind kind,
    boolean billable,
    String title,
    String shortTitle,
    String parent,
    int ordinal) {

  public enum Kind {
    /** A category or subcategory that is not valid on a claim. */
    HEADER,
    CODE,
    MODIFIER
  }
}
