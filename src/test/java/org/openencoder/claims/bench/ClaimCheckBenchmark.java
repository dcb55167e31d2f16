package org.openencoder.claims.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openencoder.OpenEncoderApplication;
import org.openencoder.claims.Claim;
import org.openencoder.claims.ClaimChecker;
import org.openencoder.claims.ClaimLine;
import org.openencoder.claims.ClaimSetting;
import org.openencoder.claims.Patient;
import org.openencoder.claims.Sex;
import org.openencoder.codeset.CodeCatalog;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.CodeSystem;
import org.openencoder.codeset.Release;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: checks five-line claims built from the real tables, in process and over the HTTP
 * batch endpoint, beside a baseline run in the same process that answers the same lookups from
 * PostgreSQL, one query per lookup. Run it with {@code bench/claim-check.sh}.
 */
public final class ClaimCheckBenchmark {

  private static final LocalDate DATE = LocalDate.of(2026, 5, 1);

  /** A date the derived PTP tables cover (2024 Q3); every other claim is dated so. */
  private static final LocalDate PTP_DATE = LocalDate.of(2024, 8, 1);

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    int httpClaims = Integer.getInteger("bench.httpClaims", 300_000);
    // How many distinct claims the in-process runs cycle through: 10,000 random claims touch more
    // table entries and claim objects than the processor's caches hold, as a day of varied claims
    // does; fewer show what the checker costs when they are in cache.
    int distinctClaims = Integer.getInteger("bench.claims", 10_000);
    // BENCH_HOME keeps the imported releases between runs (a restart is seconds, an import
    // minutes); unset, a fresh temporary home is imported and deleted when the JVM exits.
    String kept = System.getenv("BENCH_HOME");
    Path home =
        kept != null && !kept.isBlank()
            ? Files.createDirectories(Path.of(kept))
            : org.openencoder.testing.ScratchFolders.create("openencoder-bench");
    String mirror = System.getenv().getOrDefault("OPENENCODER_MIRROR", "../shared/data");
    ConfigurableApplicationContext app =
        SpringApplication.run(
            OpenEncoderApplication.class,
            "--openencoder.home=" + home,
            "--openencoder.mirror=" + Path.of(mirror).toAbsolutePath(),
            "--server.port=0",
            "--logging.level.org.openencoder=WARN");
    try {
      CodeSets codeSets = app.getBean(CodeSets.class);
      if (!codeSets.awaitReady(15, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Releases not loaded");
      }
      // The PTP tables load in the background after readiness; wait for every one of them, so
      // that their loading and its garbage do not run during the measurements.
      org.openencoder.ncci.NcciTables ncci = app.getBean(org.openencoder.ncci.NcciTables.class);
      for (String dataset : List.of("ncci-ptp-practitioner", "ncci-ptp-hospital")) {
        for (Release release : codeSets.activeReleases(dataset)) {
          ncci.ptpTable(
              dataset.endsWith("practitioner")
                  ? org.openencoder.ncci.Setting.PRACTITIONER
                  : org.openencoder.ncci.Setting.OUTPATIENT_HOSPITAL,
              release.effectiveFrom());
        }
      }
      // The search index builds in the background after readiness; a search waits for it, so that
      // its building does not share the cores with the measurements.
      app.getBean(org.openencoder.search.CodeSearch.class)
          .search("diabetes", org.openencoder.search.SearchFilter.ANY, 1);
      System.gc();
      ClaimChecker checker = app.getBean(ClaimChecker.class);
      JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
      JsonMapper json = app.getBean(JsonMapper.class);
      List<Claim> claims = claims(codeSets, distinctClaims, new Random(42));
      System.out.printf(
          "%d five-line practitioner claims, half on %s, half on %s (PTP v30.2), codes drawn from"
              + " RVU26B and ICD-10-CM FY2026%n",
          claims.size(), DATE, PTP_DATE);
      long findings = 0;
      java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
      for (Claim claim : claims) {
        List<org.openencoder.claims.Finding> found = checker.check(claim);
        findings += found.size();
        found.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
      }
      System.out.printf("findings per claim: %.2f%n", findings / (double) claims.size());
      byRule.forEach(
          (rule, count) ->
              System.out.printf("  %-40s %.3f a claim%n", rule, count / (double) claims.size()));

      List<Claim> light = new ArrayList<>();
      for (Claim claim : claims(codeSets, 10_000, new Random(7))) {
        Claim one =
            new Claim(
                claim.setting(),
                claim.dateOfService(),
                claim.patient(),
                claim.placeOfService(),
                claim.diagnoses().subList(0, 1),
                claim.lines().stream()
                    .map(l -> new ClaimLine(l.code(), List.of(), 1, List.of(1), null))
                    .toList());
        light.add(one);
      }
      long lightFindings = 0;
      for (Claim claim : light) {
        lightFindings += checker.check(claim).size();
      }
      System.out.printf(
          "light claims (one diagnosis, one unit a line, no modifier): %.2f findings a claim%n",
          lightFindings / (double) light.size());
      double lightRate = inProcess(checker, light, threads, seconds);
      System.out.printf(
          "in process, light claims: %,.0f claims/s (%,.0f per CPU-second; load %s)%n",
          lightRate, lastPerCpuSecond, load());
      double inProcess = inProcess(checker, claims, threads, seconds);
      double checkerCpuMicros = 1e6 / lastPerCpuSecond;
      System.out.printf(
          "in process, random claims: %,.0f claims/s (%,.0f per CPU-second; load %s)%n",
          inProcess, lastPerCpuSecond, load());
      double baseline = baseline(jdbc, codeSets, claims, threads, Math.max(3, seconds / 2));
      double baselinePerCpu = lastPerCpuSecond;
      System.out.printf(
          "PostgreSQL baseline: %,.0f claims/s (%,.0f per CPU-second of the client threads; load %s)%n",
          baseline, baselinePerCpu, load());
      double http =
          http(
              json,
              claims,
              httpClaims,
              Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
              checkerCpuMicros);
      System.out.println();
      System.out.printf(
          "in process : %,12.0f claims/s on %d threads, random claims (target >= 500,000)  %s%n",
          inProcess, threads, inProcess >= 500_000 ? "PASS" : "MISS");
      System.out.printf(
          "in process : %,12.0f claims/s on %d threads, light claims  %s%n",
          lightRate, threads, lightRate >= 500_000 ? "PASS" : "MISS");
      System.out.printf(
          "HTTP batch : %,12.0f claims/s, one JSON Lines request of %,d claims (target >= 50,000)  %s%n",
          http, httpClaims, http >= 50_000 ? "PASS" : "MISS");
      System.out.printf(
          "PostgreSQL : %,12.0f claims/s on %d threads (baseline: one query per lookup)%n",
          baseline, threads);
      System.out.printf(
          "ratio      : in process %.0fx (light claims %.0fx), HTTP batch %.1fx the PostgreSQL"
              + " baseline%n",
          inProcess / baseline, lightRate / baseline, http / baseline);
      System.out.println("command    : OPENENCODER_MIRROR=../shared/data bench/claim-check.sh");
    } finally {
      app.close();
    }
  }

  /** Five lines of random CPT codes of RVU26B and two billable FY2026 diagnoses each. */
  static List<Claim> claims(CodeSets codeSets, int count, Random random) {
    CodeCatalog cpt = catalog(codeSets, CodeSystem.CPT);
    CodeCatalog icd = catalog(codeSets, CodeSystem.ICD10CM);
    List<String> procedures = new ArrayList<>();
    for (CodeEntry e : cpt.entries()) {
      procedures.add(e.code());
    }
    List<String> diagnoses = new ArrayList<>();
    for (CodeEntry e : icd.entries()) {
      if (e.billable()) {
        diagnoses.add(e.code());
      }
    }
    List<Claim> claims = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<ClaimLine> lines = new ArrayList<>(5);
      for (int l = 0; l < 5; l++) {
        lines.add(
            new ClaimLine(
                procedures.get(random.nextInt(procedures.size())),
                random.nextInt(4) == 0 ? List.of("59") : List.of(),
                1 + random.nextInt(3),
                List.of(1 + random.nextInt(2)),
                null));
      }
      claims.add(
          new Claim(
              ClaimSetting.PRACTITIONER,
              i % 2 == 0 ? DATE : PTP_DATE,
              new Patient(20 + random.nextInt(60), null, Sex.F),
              "11",
              List.of(
                  diagnoses.get(random.nextInt(diagnoses.size())),
                  diagnoses.get(random.nextInt(diagnoses.size()))),
              lines));
    }
    return claims;
  }

  private static CodeCatalog catalog(CodeSets codeSets, CodeSystem system) {
    Release release = codeSets.inForce(system.dataset(), DATE).orElseThrow();
    return codeSets.catalog(release.id()).orElseThrow();
  }

  private static double inProcess(
      ClaimChecker checker, List<Claim> claims, int threads, int seconds) throws Exception {
    // Warm up the JIT on one thread first. Two builds compared side by side (bench.warmUpUntil,
    // epoch milliseconds) warm up until the same instant, so that their measurements run at the
    // same time on the same shared machine.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long until = Long.getLong("bench.warmUpUntil", 0) - System.currentTimeMillis();
    if (until > 0 && !warmedUp) {
      end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(until);
    }
    warmedUp = true;
    while (System.nanoTime() < end) {
      for (Claim claim : claims) {
        checker.check(claim);
      }
    }
    return timed(
        threads,
        seconds,
        (offset, stop, done) -> {
          long n = 0;
          int i = offset;
          while (System.nanoTime() < stop) {
            checker.check(claims.get(i));
            i = i + 1 == claims.size() ? 0 : i + 1;
            n++;
          }
          done.addAndGet(n);
        });
  }

  /**
   * The same lookups from PostgreSQL: each line's code in the code list of the release in force,
   * its MUE and add-on code edits, and each pair of lines' PTP edit in both orders when the PTP
   * table exists.
   */
  private static double baseline(
      JdbcClient jdbc, CodeSets codeSets, List<Claim> claims, int threads, int seconds)
      throws Exception {
    long cpt = codeSets.inForce(CodeSystem.CPT.dataset(), DATE).orElseThrow().id();
    long icd = codeSets.inForce(CodeSystem.ICD10CM.dataset(), DATE).orElseThrow().id();
    long mue = codeSets.inForce("ncci-mue", DATE).orElseThrow().id();
    long aoc = codeSets.inForce("ncci-aoc", DATE).orElseThrow().id();
    Long ptp =
        jdbc.sql("select to_regclass('ncci_ptp_edit') is not null").query(Boolean.class).single()
            ? codeSets.inForce("ncci-ptp-practitioner", PTP_DATE).map(Release::id).orElse(null)
            : null;
    System.out.println(
        ptp == null
            ? "baseline: no PTP table in PostgreSQL yet; code, MUE and add-on lookups only"
            : "baseline: code, MUE, add-on and PTP pair lookups (PTP release " + ptp + ")");
    return timed(
        threads,
        seconds,
        (offset, stop, done) -> {
          long n = 0;
          int i = offset;
          while (System.nanoTime() < stop) {
            Claim claim = claims.get(i);
            boolean ptpDate = claim.dateOfService().equals(PTP_DATE);
            for (ClaimLine line : ptpDate ? List.<ClaimLine>of() : claim.lines()) {
              exists(
                  jdbc,
                  "select 1 from code_entry where release_id = ? and code = ?",
                  cpt,
                  line.code());
              exists(
                  jdbc,
                  "select 1 from release_document where release_id = ? and kind = 'mue-practitioner' and key = ?",
                  mue,
                  line.code());
              exists(
                  jdbc,
                  "select 1 from release_document where release_id = ? and kind = 'aoc-add-on' and key = ?",
                  aoc,
                  line.code());
            }
            for (String diagnosis : ptpDate ? List.<String>of() : claim.diagnoses()) {
              exists(
                  jdbc,
                  "select 1 from code_entry where release_id = ? and code = ?",
                  icd,
                  diagnosis);
            }
            if (ptp != null && ptpDate) {
              List<ClaimLine> lines = claim.lines();
              for (int a = 0; a < lines.size(); a++) {
                for (int b = 0; b < lines.size(); b++) {
                  if (a != b) {
                    jdbc.sql(
                            "select 1 from ncci_ptp_edit where release_id = ? and column1 = ? and column2 = ?")
                        .params(ptp, lines.get(a).code(), lines.get(b).code())
                        .query(Integer.class)
                        .list();
                  }
                }
              }
            }
            i = i + 1 == claims.size() ? 0 : i + 1;
            n++;
          }
          done.addAndGet(n);
        });
  }

  private static void exists(JdbcClient jdbc, String sql, long release, String key) {
    jdbc.sql(sql).params(release, key).query(Integer.class).list();
  }

  private static double http(
      JsonMapper json, List<Claim> claims, int count, int port, double checkerCpuMicros)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder(count * 300);
    for (int i = 0; i < count; i++) {
      Claim claim = claims.get(i % claims.size());
      body.append("{\"setting\":\"practitioner\",\"dateOfService\":\"")
          .append(claim.dateOfService())
          .append("\",\"patient\":{\"age\":")
          .append(claim.patient().age())
          .append(",\"sex\":\"F\"},\"placeOfService\":\"11\",\"diagnoses\":")
          .append(json.writeValueAsString(claim.diagnoses()))
          .append(",\"lines\":[");
      for (int l = 0; l < claim.lines().size(); l++) {
        ClaimLine line = claim.lines().get(l);
        body.append(l == 0 ? "" : ",")
            .append("{\"code\":\"")
            .append(line.code())
            .append("\",\"modifiers\":")
            .append(json.writeValueAsString(line.modifiers()))
            .append(",\"units\":")
            .append(line.units())
            .append(",\"diagnosisPointers\":")
            .append(line.diagnosisPointers())
            .append('}');
      }
      body.append("]}\n");
    }
    byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // Warm up with the whole batch once, so that the JIT has compiled the batch path before the
    // measured run (a tenth left the compilers busy with it for a quarter of that run's CPU).
    post(port, bytes);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long processCpu = os.getProcessCpuTime();
    java.util.Map<String, Long> threadsBefore = threadCpuTicks();
    long start = System.nanoTime();
    Posted posted = post(port, bytes);
    double elapsed = (System.nanoTime() - start) / 1e9;
    processCpu = os.getProcessCpuTime() - processCpu;
    java.util.Map<String, Long> threadsAfter = threadCpuTicks();
    if (posted.lines() != count) {
      throw new IllegalStateException(posted.lines() + " result lines for " + count + " claims");
    }
    System.out.printf(
        "HTTP batch: %,d claims (%,d bytes) in %.2f s, %,d result bytes; load %s%n",
        count, bytes.length, elapsed, posted.resultBytes(), load());
    System.out.printf(
        "HTTP batch streams: first result line after %.0f ms, body sent after %.0f ms, last"
            + " result after %.0f ms%n",
        (posted.firstResult() - start) / 1e6,
        (posted.bodySent() - start) / 1e6,
        (posted.lastResult() - start) / 1e6);
    // CPU per claim: the whole process (server and client), the client's two threads, and what
    // is left for the server; the checker's own share is the in-process figure of this run.
    double process = processCpu / 1e3 / count;
    double client = posted.clientCpuNanos() / 1e3 / count;
    System.out.printf(
        "HTTP batch CPU per claim: %.1f us in the process = client %.1f us + server %.1f us"
            + " (checker alone in process %.1f us, so parse + write + HTTP %.1f us)%n",
        process, client, process - client, checkerCpuMicros, process - client - checkerCpuMicros);
    if (!threadsAfter.isEmpty()) {
      StringBuilder split = new StringBuilder("HTTP batch CPU per claim by thread (/proc):");
      for (String group : threadsAfter.keySet()) {
        long ticks = threadsAfter.get(group) - threadsBefore.getOrDefault(group, 0L);
        // Clock ticks are 10 ms (USER_HZ 100).
        split.append(String.format(" %s %.1f us,", group, ticks * 1e4 / count));
      }
      split.setLength(split.length() - 1);
      System.out.println(split);
    }
    return count / elapsed;
  }

  /**
   * CPU clock ticks of this process's threads so far, by what they do (their names): claim batches
   * (parse, check, write), Tomcat's request threads (read the body, send the results), garbage
   * collection, the JIT compilers, the benchmark's client, and the rest. Empty where /proc is not
   * there.
   */
  private static java.util.Map<String, Long> threadCpuTicks() {
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields after the name: utime is the 12th, stime the 13th (proc(5)).
        long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        ticks.merge(group(name), cpu, Long::sum);
      }
    } catch (IOException e) {
      return java.util.Map.of();
    }
    return ticks;
  }

  private static String group(String thread) {
    if (thread.startsWith("claim-batch")) {
      return "claim-batch";
    }
    if (thread.startsWith("http-nio")) {
      return "tomcat";
    }
    if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
      return "gc";
    }
    if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
      return "jit";
    }
    if (thread.equals("main") || thread.startsWith("bench-client")) {
      return "client";
    }
    return "other";
  }

  /** What one batch request took: result lines and bytes, times (nanoTime), client CPU. */
  private record Posted(
      long lines,
      long resultBytes,
      long firstResult,
      long bodySent,
      long lastResult,
      long clientCpuNanos) {}

  /**
   * One batch request over a plain socket, the body written by one thread while this one reads the
   * results as they stream back: a client that sent the whole body before reading (as java.net.http
   * does) would stall once the server's response buffers fill.
   *
   * @return the result lines read, and when the first and last arrived
   */
  private static Posted post(int port, byte[] body) throws IOException, InterruptedException {
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long readerCpu = cpu.getCurrentThreadCpuTime();
    AtomicLong writerCpu = new AtomicLong();
    AtomicLong bodySent = new AtomicLong();
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      java.io.OutputStream out =
          new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      String head =
          "POST /api/v1/claims/check/batch HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/x-ndjson\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread writer =
          new Thread(
              () -> {
                long before = cpu.getCurrentThreadCpuTime();
                try {
                  out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  out.write(body);
                  out.flush();
                  bodySent.set(System.nanoTime());
                } catch (IOException e) {
                  failures.add(e);
                }
                writerCpu.set(cpu.getCurrentThreadCpuTime() - before);
              });
      writer.setName("bench-client");
      writer.start();
      java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
      String status = line(in);
      if (!status.contains(" 200 ")) {
        throw new IllegalStateException("HTTP batch answered " + status);
      }
      boolean chunked = false;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        chunked |=
            header.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding: chunked");
      }
      long lines = 0;
      long bytes = 0;
      long firstResult = 0;
      byte[] buffer = new byte[1 << 16];
      if (chunked) {
        for (int size = Integer.parseInt(line(in).strip(), 16);
            size > 0;
            size = Integer.parseInt(line(in).strip(), 16)) {
          int left = size;
          while (left > 0) {
            int read = in.read(buffer, 0, Math.min(left, buffer.length));
            if (read < 0) {
              throw new IOException("Response ended inside a chunk");
            }
            lines += newlines(buffer, read);
            if (firstResult == 0 && lines > 0) {
              firstResult = System.nanoTime();
            }
            bytes += read;
            left -= read;
          }
          line(in);
        }
      } else {
        int read;
        while ((read = in.read(buffer)) > 0) {
          lines += newlines(buffer, read);
          if (firstResult == 0 && lines > 0) {
            firstResult = System.nanoTime();
          }
          bytes += read;
        }
      }
      long lastResult = System.nanoTime();
      writer.join();
      if (!failures.isEmpty()) {
        throw new IOException(failures.get(0));
      }
      return new Posted(
          lines,
          bytes,
          firstResult,
          bodySent.get(),
          lastResult,
          cpu.getCurrentThreadCpuTime() - readerCpu + writerCpu.get());
    }
  }

  private static String line(java.io.InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("Response ended early");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static int newlines(byte[] buffer, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  interface Worker {
    void run(int offset, long stop, AtomicLong done) throws Exception;
  }

  /** Claims per CPU-second of the measuring threads in the last {@link #timed} run. */
  private static double lastPerCpuSecond;

  /** Whether the first in-process phase has warmed up (bench.warmUpUntil applies to it only). */
  private static boolean warmedUp;

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double timed(int threads, int seconds, Worker worker) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    List<Thread> running = new ArrayList<>();
    long start = System.nanoTime();
    long stop = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 997;
      Thread thread =
          new Thread(
              () -> {
                try {
                  java.lang.management.ThreadMXBean cpu =
                      java.lang.management.ManagementFactory.getThreadMXBean();
                  long before = cpu.getCurrentThreadCpuTime();
                  worker.run(offset, stop, done);
                  cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - before);
                } catch (Exception e) {
                  failures.add(e);
                }
              });
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    lastPerCpuSecond = done.get() / (cpuNanos.get() / 1e9);
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
