package org.openencoder.ncci;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/**
 * The add-on code edits of one release, by add-on code and by primary code. The AOC file keeps the
 * edits deleted since 2013 beside the current ones, so these lists hold every row; {@link
 * AddOnEdit#statusOn} tells which apply on a date.
 */
public final class AddOnCodeEdits {

  private final Release release;
  private final Map<String, List<AddOnEdit>> byAddOnCode;
  private final Map<String, List<AddOnEdit>> byPrimaryCode;

  AddOnCodeEdits(
      Release release,
      Map<String, List<AddOnEdit>> byAddOnCode,
      Map<String, List<AddOnEdit>> byPrimaryCode) {
    this.release = release;
    this.byAddOnCode = Map.copyOf(byAddOnCode);
    this.byPrimaryCode = Map.copyOf(byPrimaryCode);
  }

  /** The release the edits come from, for citing them. */
  public Release release() {
    return release;
  }

  /** Every edit of an add-on code, in file order; empty when the code is not an add-on code. */
  public List<AddOnEdit> forAddOnCode(String code) {
    return byAddOnCode.getOrDefault(CodeSystem.normalize(code), List.of());
  }

  /** Every edit that names a code as the primary code, in file order. */
  public List<AddOnEdit> forPrimaryCode(String code) {
    return byPrimaryCode.getOrDefault(CodeSystem.normalize(code), List.of());
  }

  /** The add-on codes the file lists (normalized). */
  public Set<String> addOnCodeSet() {
    return byAddOnCode.keySet();
  }

  /** How many add-on codes the file lists. */
  public int addOnCodes() {
    return byAddOnCode.size();
  }
}
