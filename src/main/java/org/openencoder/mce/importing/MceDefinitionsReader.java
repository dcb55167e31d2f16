package org.openencoder.mce.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.mce.AgeRange;
import org.openencoder.mce.MceList;
import org.openencoder.mce.importing.MceDefinitions.Entry;
import org.openencoder.mce.importing.MceDefinitions.StatedAges;

/**
 * Reads the text form of CMS's "Definitions of Medicare Code Edits" (the MCE manual published with
 * the MS-DRG software), {@code Definitions of Medicare Code Edits_v_<nn>_<n>.txt}.
 *
 * <p>The layout, as in v43.1 (Windows-1252, CRLF): a title page ("ICD-10 Version", "v43.1 April
 * 2026"), a table of contents, then "Chapter 1: Edit code lists" with the twenty edits, each under
 * a heading "{@code <n>. <title>}" (a discontinued or deactivated edit says so in parentheses, e.g.
 * "5. Sex conflict (deactivated as of 10/01/2024)"). An edit's lists sit under lettered headings
 * ("B. Pediatric diagnoses (age 0 through 17)"), sometimes under a further label ("Procedures",
 * "Diagnoses", "1. Cesarean section procedure codes"). Each list entry is one line, {@code
 * CODE<TAB>abbreviated title}, the code without its dot; in edit 9 the one code acceptable with a
 * secondary diagnosis is marked with an asterisk ("*Z5189"). "Chapter 2: Code list changes" ends
 * the lists.
 *
 * <p>The reader places each entry by the edit, letter and label it sits under, and refuses an entry
 * it cannot place: a list CMS adds must be read on purpose, not dropped or filed under the list
 * before it. The age ranges are read from the edit 4 text ("Pediatric. Age range is 0–17 years
 * inclusive", "Perinatal/Newborn. Age 0 years only") and must agree with the list headings.
 */
final class MceDefinitionsReader {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern VERSION = Pattern.compile("(v\\d+\\.\\d+)\\s+(\\p{Alpha}+ \\d{4})");
  private static final Pattern EDIT = Pattern.compile("(\\d{1,2})\\. (.+)");
  private static final Pattern LETTER = Pattern.compile("([A-G])\\. (.+)");
  private static final Pattern ENTRY =
      Pattern.compile("(\\*?)([A-Z0-9]{3,7})\\s*\\t\\s*(\\S.*?)[\\s\\t]*");
  private static final Pattern AGE_RANGE =
      Pattern.compile("\\* ([\\w/]+)\\. Age (?:range is )?(\\d+)(?:[–-](\\d+))? years");
  private static final Pattern HEADING_AGES = Pattern.compile("\\(age (\\d+) through (\\d+)\\)");
  private static final Pattern AS_OF = Pattern.compile("as of (\\d{2}/\\d{2}/\\d{4})");
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

  private MceDefinitionsReader() {}

  static MceDefinitions read(InputStream in, String fileName) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, WINDOWS_1252));
    State state = new State(fileName);
    String line;
    while ((line = reader.readLine()) != null) {
      state.line++;
      if (!state.accept(line)) {
        break;
      }
    }
    return state.result();
  }

  private static final class State {
    private final String fileName;
    private long line;
    private String version;
    private YearMonth month;
    private final List<String> editTitles = new ArrayList<>();
    private boolean inChapter1;
    private boolean listingEdits;
    private int edit;
    private char letter;
    private String label = "";
    private final List<Entry> entries = new ArrayList<>();
    private final Map<MceList, StatedAges> stated = new EnumMap<>(MceList.class);
    private final Map<MceList, StatedAges> headed = new EnumMap<>(MceList.class);
    private LocalDate sexConflictDeactivated;
    private String sexConflictHeading;
    private long sexConflictLine;

    State(String fileName) {
      this.fileName = fileName;
    }

    /** Takes one line; false once the lists have ended. */
    boolean accept(String raw) {
      String text = raw.strip();
      if (version == null) {
        Matcher v = VERSION.matcher(text);
        if (v.matches()) {
          version = v.group(1);
          month = yearMonth(v.group(2));
        }
        return true;
      }
      if (text.startsWith("Chapter 1:") && !raw.contains("\t")) {
        inChapter1 = true;
        listingEdits = false;
        return true;
      }
      if (!inChapter1) {
        return true;
      }
      if (text.startsWith("Chapter 2:")) {
        return false;
      }
      if (text.startsWith("Below is a list of edits")) {
        listingEdits = true;
        return true;
      }
      Matcher entry = ENTRY.matcher(raw);
      if (entry.matches() && edit > 0) {
        add(entry);
        return true;
      }
      if (text.isEmpty()) {
        return true;
      }
      Matcher numbered = EDIT.matcher(text);
      if (listingEdits) {
        // The chapter opens with the list of its twenty edits; their headings follow.
        if (numbered.matches() && Integer.parseInt(numbered.group(1)) == editTitles.size() + 1) {
          editTitles.add(text);
          return true;
        }
        listingEdits = false;
      }
      if (numbered.matches()) {
        int number = Integer.parseInt(numbered.group(1));
        if (number <= editTitles.size() && editTitles.get(number - 1).equals(text)) {
          startEdit(number, text);
          return true;
        }
        label = text; // "1. Cesarean section procedure codes" under edit 8
        return true;
      }
      Matcher lettered = LETTER.matcher(text);
      if (lettered.matches()) {
        letter = text.charAt(0);
        label = "";
        Matcher ages = HEADING_AGES.matcher(text);
        if (ages.find() && edit == 4) {
          headed.put(
              list(""),
              new StatedAges(
                  new AgeRange(Integer.parseInt(ages.group(1)), Integer.parseInt(ages.group(2))),
                  line));
        }
        return true;
      }
      Matcher ages = AGE_RANGE.matcher(text);
      if (edit == 4 && ages.find()) {
        statedAges(ages);
        return true;
      }
      if (!raw.contains("\t") && text.length() < 60) {
        label = text; // "Procedures", "Diagnoses list", "Unacceptable principal diagnosis codes"
      }
      return true;
    }

    private void startEdit(int number, String heading) {
      edit = number;
      letter = 0;
      label = "";
      if (number == 5) {
        sexConflictHeading = heading;
        sexConflictLine = line;
        Matcher asOf = AS_OF.matcher(heading);
        if (heading.contains("deactivated") && asOf.find()) {
          try {
            sexConflictDeactivated = LocalDate.parse(asOf.group(1), US_DATE);
          } catch (DateTimeParseException e) {
            throw new MalformedFileException(fileName, line, "bad date in '" + heading + "'", e);
          }
        }
      }
    }

    private void statedAges(Matcher ages) {
      MceList list =
          switch (ages.group(1).toLowerCase(Locale.ROOT)) {
            case "perinatal/newborn", "newborn" -> MceList.NEWBORN_DIAGNOSIS;
            case "pediatric" -> MceList.PEDIATRIC_DIAGNOSIS;
            case "maternity" -> MceList.MATERNITY_DIAGNOSIS;
            case "adult" -> MceList.ADULT_DIAGNOSIS;
            default ->
                throw new MalformedFileException(
                    fileName, line, "an age category the reader does not know: " + ages.group());
          };
      int min = Integer.parseInt(ages.group(2));
      int max = ages.group(3) == null ? min : Integer.parseInt(ages.group(3));
      stated.put(list, new StatedAges(new AgeRange(min, max), line));
    }

    private void add(Matcher entry) {
      String code = entry.group(2);
      MceList list = list(entry.group(1));
      entries.add(new Entry(list, code, entry.group(3).strip(), line));
    }

    /** The list an entry under the current headings belongs to. */
    private MceList list(String asterisk) {
      MceList list =
          switch (edit) {
            case 4 ->
                switch (letter) {
                  case 'A' -> MceList.NEWBORN_DIAGNOSIS;
                  case 'B' -> MceList.PEDIATRIC_DIAGNOSIS;
                  case 'C' -> MceList.MATERNITY_DIAGNOSIS;
                  case 'D' -> MceList.ADULT_DIAGNOSIS;
                  default -> null;
                };
            case 6 -> MceList.MANIFESTATION_AS_PRINCIPAL;
            case 8 ->
                letter == 'A'
                    ? MceList.QUESTIONABLE_ADMISSION
                    : letter == 'B' && label.startsWith("1.")
                        ? MceList.QUESTIONABLE_OBSTETRIC_CESAREAN_PROCEDURE
                        : letter == 'B' && label.startsWith("2.")
                            ? MceList.QUESTIONABLE_OBSTETRIC_VAGINAL_DELIVERY_PROCEDURE
                            : letter == 'B' && label.startsWith("3.")
                                ? MceList.OUTCOME_OF_DELIVERY_DIAGNOSIS
                                : null;
            // The asterisked code, and the same code named in the edit's introduction, are
            // acceptable with a secondary diagnosis; the rest never are.
            case 9 ->
                !asterisk.isEmpty() || !label.startsWith("Unacceptable principal diagnosis codes")
                    ? MceList.UNACCEPTABLE_PRINCIPAL_WITHOUT_SECONDARY
                    : MceList.UNACCEPTABLE_PRINCIPAL;
            case 11 ->
                switch (letter) {
                  case 'A' -> MceList.NON_COVERED_PROCEDURE;
                  case 'B' ->
                      label.startsWith("Diagnoses")
                          ? MceList.NON_COVERED_PANCREAS_TRANSPLANT_DIAGNOSIS
                          : null;
                  case 'D' ->
                      label.startsWith("Procedures")
                          ? MceList.NON_COVERED_WITH_DIAGNOSIS_PROCEDURE
                          : label.startsWith("Diagnoses")
                              ? MceList.NON_COVERED_WITH_DIAGNOSIS_DIAGNOSIS
                              : null;
                  case 'F' -> MceList.NON_COVERED_OVER_AGE_60_PROCEDURE;
                  case 'G' -> MceList.NON_COVERED_STERILIZATION_PROCEDURE;
                  default -> null;
                };
            case 17 -> letter == 'A' ? MceList.LIMITED_COVERAGE_PROCEDURE : null;
            case 18 -> MceList.WRONG_PROCEDURE_PERFORMED;
            case 19 -> MceList.PROCEDURE_INCONSISTENT_WITH_LOS;
            case 20 -> MceList.UNSPECIFIED_CODE;
            default -> null;
          };
      if (list == null) {
        throw new MalformedFileException(
            fileName,
            line,
            "a code under edit "
                + edit
                + (letter == 0 ? "" : String.valueOf(letter))
                + (label.isEmpty() ? "" : " '" + label + "'")
                + " that belongs to no list the reader knows");
      }
      return list;
    }

    private YearMonth yearMonth(String text) {
      try {
        return YearMonth.parse(text, DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US));
      } catch (DateTimeParseException e) {
        throw new MalformedFileException(fileName, line, "'" + text + "' is not a month", e);
      }
    }

    MceDefinitions result() {
      if (version == null) {
        throw new MalformedFileException(fileName, 0, "has no version line ('v43.1 April 2026')");
      }
      if (editTitles.size() < 20 || entries.isEmpty()) {
        throw new MalformedFileException(
            fileName, 0, "has no chapter 1 with the twenty edits and their code lists");
      }
      for (MceList list :
          List.of(
              MceList.NEWBORN_DIAGNOSIS,
              MceList.PEDIATRIC_DIAGNOSIS,
              MceList.MATERNITY_DIAGNOSIS,
              MceList.ADULT_DIAGNOSIS)) {
        StatedAges ages = stated.get(list);
        if (ages == null) {
          throw new MalformedFileException(
              fileName, 0, "edit 4 states no age range for " + list.title());
        }
        StatedAges heading = headed.get(list);
        if (heading != null && !heading.range().equals(ages.range())) {
          throw new MalformedFileException(
              fileName,
              heading.line(),
              "the heading gives ages "
                  + heading.range().display()
                  + ", the text on line "
                  + ages.line()
                  + " "
                  + ages.range().display());
        }
      }
      return new MceDefinitions(
          version,
          month,
          List.copyOf(entries),
          stated,
          sexConflictDeactivated,
          sexConflictHeading == null ? "" : sexConflictHeading,
          sexConflictLine);
    }
  }
}
