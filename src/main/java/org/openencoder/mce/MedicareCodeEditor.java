package org.openencoder.mce;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openencoder.codeset.CodeFactSource.Citation;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.openencoder.mce.MceEdits.SexConflictEdit;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Medicare Code Editor's code lists in force on a discharge date or date of service. Each
 * version of the "Definitions of Medicare Code Edits" is a release of data set {@value #DATASET};
 * its lists are read from the stored documents the first time they are asked for (about 11,000
 * codes) and kept in memory.
 */
@Service
public class MedicareCodeEditor {

  public static final String DATASET = "mce";

  /**
   * The day CMS deactivated the sex conflict edit, as the v43.1 definitions state it: "5. Sex
   * conflict (deactivated as of 10/01/2024)". {@link MceEdits#sexConflict()} gives each version's
   * own wording and line.
   */
  public static final LocalDate SEX_CONFLICT_DEACTIVATED = LocalDate.of(2024, 10, 1);

  /** The role of the definitions file within a release. */
  public static final String DEFINITIONS_ROLE = "definitions";

  private final CodeSets codeSets;
  private final JsonMapper json;
  private final Map<Long, MceEdits> editions = new ConcurrentHashMap<>();

  MedicareCodeEditor(CodeSets codeSets, JsonMapper json) {
    this.codeSets = codeSets;
    this.json = json;
  }

  /** The MCE version in force on a discharge date or date of service; empty when none covers it. */
  public Optional<MceEdits> inForce(LocalDate date) {
    return codeSets.inForce(DATASET, date).map(this::edits);
  }

  /** The newest MCE version held. */
  public Optional<MceEdits> newest() {
    return codeSets.activeReleases(DATASET).stream().findFirst().map(this::edits);
  }

  private MceEdits edits(Release release) {
    MceEdits edits = editions.computeIfAbsent(release.id(), id -> load(release));
    Set<Long> active =
        codeSets.activeReleases(DATASET).stream().map(Release::id).collect(Collectors.toSet());
    editions.keySet().removeIf(id -> id != release.id() && !active.contains(id));
    return edits;
  }

  // The documents below are written by mce.importing.MceReleaseImporter; their field names are the
  // contract between the two.

  /** A code list, stored under kind "mce-list" keyed by the {@link MceList} name. */
  record StoredList(List<StoredListing> entries) {}

  record StoredListing(String code, String description, long line) {}

  /** An age range read from the file, kind "mce-ages" keyed by the list name. */
  record StoredAges(int min, int max, long line) {}

  /** Edit 5 as the file states it, kind "mce-sex-conflict" key "5". */
  record StoredSexConflict(@Nullable LocalDate deactivated, String heading, long line) {}

  private MceEdits load(Release release) {
    String file = Citation.of(release, DEFINITIONS_ROLE).file();
    Map<MceList, Map<String, MceListing>> lists = new EnumMap<>(MceList.class);
    Map<String, String> descriptions = new HashMap<>();
    codeSets
        .releaseDocuments(release.id(), "mce-list")
        .forEach(
            (name, doc) -> {
              MceList list = MceList.valueOf(name);
              Map<String, MceListing> codes = new LinkedHashMap<>();
              for (StoredListing stored : json.readValue(doc, StoredList.class).entries()) {
                codes.put(
                    stored.code(),
                    new MceListing(
                        list,
                        stored.code(),
                        descriptions.computeIfAbsent(stored.description(), d -> d),
                        file,
                        stored.line()));
              }
              lists.put(list, codes);
            });
    Map<MceList, AgeRange> ages = new EnumMap<>(MceList.class);
    codeSets
        .releaseDocuments(release.id(), "mce-ages")
        .forEach(
            (name, doc) -> {
              StoredAges stored = json.readValue(doc, StoredAges.class);
              ages.put(MceList.valueOf(name), new AgeRange(stored.min(), stored.max()));
            });
    String sexDoc = codeSets.releaseDocuments(release.id(), "mce-sex-conflict").get("5");
    SexConflictEdit sexConflict;
    if (sexDoc == null) {
      sexConflict = new SexConflictEdit(null, "", file, 0);
    } else {
      StoredSexConflict stored = json.readValue(sexDoc, StoredSexConflict.class);
      sexConflict =
          new SexConflictEdit(stored.deactivated(), stored.heading(), file, stored.line());
    }
    return new MceEdits(release, lists, ages, sexConflict);
  }
}
