package org.openencoder.mce;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;

/** The MCE code lists of one release (one version of the definitions). */
public final class MceEdits {

  private final Release release;
  private final Map<MceList, Map<String, MceListing>> lists;
  private final Map<MceList, AgeRange> ages;
  private final SexConflictEdit sexConflict;

  MceEdits(
      Release release,
      Map<MceList, Map<String, MceListing>> lists,
      Map<MceList, AgeRange> ages,
      SexConflictEdit sexConflict) {
    this.release = release;
    this.lists = new EnumMap<>(MceList.class);
    lists.forEach((list, codes) -> this.lists.put(list, Map.copyOf(codes)));
    this.ages = Map.copyOf(ages);
    this.sexConflict = sexConflict;
  }

  /** The release the lists come from, for citing them. */
  public Release release() {
    return release;
  }

  /** The listing of a code on a list; the code with or without its dot. */
  public Optional<MceListing> listing(MceList list, String icd10Code) {
    return Optional.ofNullable(
        lists.getOrDefault(list, Map.of()).get(CodeSystem.normalize(icd10Code)));
  }

  /** Every code of a list, without dots. */
  public Set<String> codes(MceList list) {
    return lists.getOrDefault(list, Map.of()).keySet();
  }

  /** Every list a code is on, in the order of {@link MceList}. */
  public List<MceListing> listings(String icd10Code) {
    String code = CodeSystem.normalize(icd10Code);
    return lists.values().stream().map(l -> l.get(code)).filter(l -> l != null).toList();
  }

  /** The age range the file's text states for an age list, as this release reads. */
  public Optional<AgeRange> ages(MceList list) {
    return Optional.ofNullable(ages.get(list));
  }

  /** What the file says of the sex conflict edit (edit 5), with its line. */
  public SexConflictEdit sexConflict() {
    return sexConflict;
  }

  /**
   * Edit 5, "Sex conflict", as the definitions state it: the heading reads "5. Sex conflict
   * (deactivated as of 10/01/2024)" and no code list follows.
   *
   * @param deactivated the date the file names, or null if this version still applies the edit
   * @param heading the heading as the file prints it, to quote
   */
  public record SexConflictEdit(
      @Nullable LocalDate deactivated, String heading, String file, long line) {}
}
