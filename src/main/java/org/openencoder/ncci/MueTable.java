package org.openencoder.ncci;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/** The MUE tables of one release: per setting, the edit of every code its file lists. */
public final class MueTable {

  private final Release release;
  private final Map<Setting, Map<String, Mue>> bySetting;

  MueTable(Release release, Map<Setting, Map<String, Mue>> bySetting) {
    this.release = release;
    this.bySetting = new EnumMap<>(Setting.class);
    bySetting.forEach((setting, edits) -> this.bySetting.put(setting, Map.copyOf(edits)));
  }

  /** The release the tables come from, for citing them. */
  public Release release() {
    return release;
  }

  /** The code's edit in a setting; empty when that setting's file does not list the code. */
  public Optional<Mue> get(Setting setting, String code) {
    return Optional.ofNullable(
        bySetting.getOrDefault(setting, Map.of()).get(CodeSystem.normalize(code)));
  }

  /**
   * The edit of a normalized code in a setting, or null: the claim checker's lookup, one for each
   * line.
   */
  public @Nullable Mue edit(Setting setting, String normalizedCode) {
    Map<String, Mue> edits = bySetting.get(setting);
    return edits == null ? null : edits.get(normalizedCode);
  }

  /** The code's edit in every setting that lists it, in the order of {@link Setting}. */
  public List<Mue> forCode(String code) {
    List<Mue> edits = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      get(setting, code).ifPresent(edits::add);
    }
    return edits;
  }

  /** The codes a setting's table lists (normalized); empty when the release lacks that file. */
  public Set<String> codes(Setting setting) {
    return bySetting.getOrDefault(setting, Map.of()).keySet();
  }

  /** How many codes a setting's table lists; 0 when the release lacks that file. */
  public int size(Setting setting) {
    return bySetting.getOrDefault(setting, Map.of()).size();
  }
}
