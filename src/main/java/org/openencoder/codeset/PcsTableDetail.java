package org.openencoder.codeset;

import java.util.ArrayList;
import java.util.List;

/**
 * An ICD-10-PCS table as the Code Tables XML gives it, stored with the table's 3-character header:
 * characters 1-3 for the whole table, and rows that each allow values for characters 4-7.
 */
public record PcsTableDetail(List<Axis> tableAxes, List<List<Axis>> rows) {

  /** One axis (character position) with the values it allows. */
  public record Axis(int position, String title, List<Value> values, String definition) {}

  public record Value(String code, String label) {}

  /** The axes of a full 7-character code: the table's three and those of the row allowing it. */
  public List<Axis> axesFor(String code) {
    for (List<Axis> row : rows) {
      boolean matches = true;
      for (Axis axis : row) {
        char wanted = code.charAt(axis.position() - 1);
        if (axis.values().stream().noneMatch(v -> v.code().charAt(0) == wanted)) {
          matches = false;
          break;
        }
      }
      if (matches) {
        List<Axis> all = new ArrayList<>(tableAxes);
        all.addAll(row);
        return all;
      }
    }
    return tableAxes;
  }
}
