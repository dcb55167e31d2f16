package org.openencoder.ncci.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.MalformedFileException;
import org.openencoder.codeset.ReleaseDefinition;
import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.codeset.ReleaseWriter;
import org.openencoder.ncci.NcciTables;
import org.openencoder.ncci.Setting;
import org.openencoder.ncci.persistence.JdbcPtpEdits;

/**
 * The Medicare NCCI PTP table of one setting and quarter, stored row for row in {@code
 * ncci_ptp_edit} (not as release documents: 2.5 million rows go in with one streamed COPY). A
 * release is either the four official parts, roles f1 to f4 (the CMS text layout), or one derived
 * TSV, role "table", that lacks the Effective Date column.
 *
 * <p>Every row is kept, deleted edits included, with its dates: a pair may have several rows, one
 * per period it was in force. Two rows of one pair both without a deletion date would leave a date
 * of service two answers, so a file that has them is refused.
 */
class PtpReleaseImporter implements ReleaseImporter {

  private final Setting setting;
  private final String dataset;
  private final List<ReleaseDefinition> definitions;
  private final JdbcPtpEdits store;

  PtpReleaseImporter(Setting setting, List<ReleaseDefinition> definitions, JdbcPtpEdits store) {
    this.setting = setting;
    this.dataset = NcciTables.ptpDataset(setting).orElseThrow();
    this.definitions = definitions;
    this.store = store;
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public List<ReleaseDefinition> definitions() {
    return definitions;
  }

  @Override
  public void importRelease(
      ReleaseDefinition definition, Map<String, LocatedFile> files, ReleaseWriter writer)
      throws IOException {
    Counts counts = new Counts();
    try (JdbcPtpEdits.RowWriter rows = store.writer(writer.releaseId())) {
      for (int part = 0; part < NcciTables.PTP_FILE_ROLES.size(); part++) {
        LocatedFile file = files.get(NcciTables.PTP_FILE_ROLES.get(part));
        if (file != null) {
          writer.progress("Reading " + file.displayName() + " (" + setting.displayName() + ")");
          read(file, part, rows, counts);
        }
      }
      counts.checkOpenPairs(definition.title());
      rows.finish();
    } catch (IOException | RuntimeException e) {
      // The rows are not release documents: drop them here, as the registry drops its own.
      store.delete(writer.releaseId());
      throw e;
    }
    counts.report(writer);
  }

  private static void read(LocatedFile file, int part, JdbcPtpEdits.RowWriter rows, Counts counts)
      throws IOException {
    String name = file.readName();
    try (InputStream in = file.open();
        Stream<PtpRow> stream =
            name.endsWith(".tsv.gz")
                ? PtpDerivedTableReader.read(in, name)
                : PtpEditFileReader.read(in, name)) {
      Iterator<PtpRow> it = stream.iterator();
      while (it.hasNext()) {
        PtpRow row = it.next();
        if (row.effective() != null
            && row.deleted() != null
            && row.deleted().isBefore(row.effective())) {
          throw new MalformedFileException(
              name, row.line(), "the edit ends on " + row.deleted() + ", before it starts");
        }
        counts.add(row);
        rows.add(
            row.column1(),
            row.column2(),
            row.effective(),
            row.deleted(),
            row.before1996(),
            row.modifier(),
            row.rationale(),
            part,
            row.line());
      }
    }
  }

  /** What the release holds, for its counts and the checks in the manifest. */
  private static final class Counts {
    private long rows;
    private long activeRows;
    private long withoutEffectiveDate;
    private long before1996;
    private final long[] byModifier = new long[10];
    private final long[] activeByModifier = new long[10];
    private final Set<String> codes = new HashSet<>();
    private final Set<String> column1Codes = new HashSet<>();
    // Pairs without a deletion date, each packed into a long: 1.7 million of them would take
    // 150 MB as strings in a set, 14 MB this way.
    private long[] openPairs = new long[1 << 16];
    private int openCount;
    private LocalDate latestDeletion;

    void add(PtpRow row) {
      rows++;
      byModifier[row.modifier()]++;
      if (row.deleted() == null) {
        activeRows++;
        activeByModifier[row.modifier()]++;
        if (openCount == openPairs.length) {
          openPairs = Arrays.copyOf(openPairs, openCount * 2);
        }
        openPairs[openCount++] = pack(row.column1()) << 32 | pack(row.column2());
      } else if (latestDeletion == null || row.deleted().isAfter(latestDeletion)) {
        latestDeletion = row.deleted();
      }
      if (row.effective() == null) {
        withoutEffectiveDate++;
      }
      if (Boolean.TRUE.equals(row.before1996())) {
        before1996++;
      }
      codes.add(row.column1());
      codes.add(row.column2());
      column1Codes.add(row.column1());
    }

    /** A 5-character code of digits and capitals as a base-36 number (below 2^26). */
    private static long pack(String code) {
      long value = 0;
      for (int i = 0; i < code.length(); i++) {
        value = value * 36 + Character.digit(code.charAt(i), 36);
      }
      return value;
    }

    private static String unpack(long value) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        code.insert(0, Character.toUpperCase(Character.forDigit((int) (value % 36), 36)));
        value /= 36;
      }
      return code.toString();
    }

    void checkOpenPairs(String release) {
      long[] pairs = Arrays.copyOf(openPairs, openCount);
      Arrays.sort(pairs);
      for (int i = 1; i < pairs.length; i++) {
        if (pairs[i] == pairs[i - 1]) {
          throw new MalformedFileException(
              release,
              0,
              unpack(pairs[i] >>> 32)
                  + "/"
                  + unpack(pairs[i] & 0xFFFFFFFFL)
                  + " has two rows without a deletion date");
        }
      }
    }

    void report(ReleaseWriter writer) {
      writer.count("rows", rows);
      writer.count("activeRows", activeRows);
      for (int modifier : new int[] {0, 1, 9}) {
        writer.count("modifier" + modifier + "Rows", byModifier[modifier]);
        writer.count("activeModifier" + modifier + "Rows", activeByModifier[modifier]);
      }
      writer.count("codes", codes.size());
      writer.count("column1Codes", column1Codes.size());
      // The derived tables lack the Effective Date column: every row counts here.
      writer.count("rowsWithoutEffectiveDate", withoutEffectiveDate);
      writer.count("rowsInExistencePrior1996", before1996);
      if (latestDeletion != null) {
        writer.count(
            "latestDeletionDate",
            latestDeletion.getYear() * 10_000L
                + latestDeletion.getMonthValue() * 100L
                + latestDeletion.getDayOfMonth());
      }
    }
  }
}
