package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.MeteredSite;
import org.openencoder.testing.SiteClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (Surefire does not pick it up by name): prints the metering overhead per code-page
 * request, with a baseline measured in the same run. Run with bench/metering-overhead.sh.
 *
 * <p>One subscriber session serves every case (sessions are rows shared by the nodes), so the cases
 * differ only in the metering: the baseline node runs with {@code OPENENCODER_METERING=off}; the
 * metered node counts each view (a new code: INSERT view + conditional UPDATE; a code read before
 * this period: INSERT that conflicts + SELECT). Rounds alternate the cases so that machine load
 * falls on all of them.
 */
class MeteringOverheadBenchmark {

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
  private static final int PER_ROUND = Integer.getInteger("bench.requests", 100);

  @Test
  void meteringOverheadPerCodePageRequest() {
    MeteredSite site = MeteredSite.get();
    ConfigurableApplicationContext metered = site.node();
    ConfigurableApplicationContext unmetered = site.unmeteredNode();
    String email = "bench-" + UUID.randomUUID() + "@example.org";
    SiteClient subscriber = site.member(email, "correct horse battery");
    Accounts accounts = metered.getBean(Accounts.class);
    Account account = accounts.byEmail(email).orElseThrow();
    metered.getBean(PlanProvider.class).change(account.id(), Plan.SUBSCRIBER, "benchmark");

    List<String> codes =
        site.codes(1000 + ROUNDS * PER_ROUND * 2).subList(1000, 1000 + ROUNDS * PER_ROUND * 2);
    List<String> repeated = codes.subList(0, PER_ROUND);
    // Warm up both nodes (JIT, template cache, connection pools) on codes outside the figures.
    for (String code : site.codes(1000).subList(0, 200)) {
      subscriber.get(MeteredSite.url(unmetered, "/codes/icd10cm/" + code));
      subscriber.get(MeteredSite.url(metered, "/codes/icd10cm/" + code));
    }
    for (String code : repeated) {
      subscriber.get(MeteredSite.url(metered, "/codes/icd10cm/" + code));
    }

    List<Long> off = new ArrayList<>();
    List<Long> fresh = new ArrayList<>();
    List<Long> again = new ArrayList<>();
    List<Long> paired = new ArrayList<>();
    int next = PER_ROUND;
    for (int round = 0; round < ROUNDS; round++) {
      // Request by request, the three cases take turns: a burst of load on this shared machine
      // falls on all three alike, and each counted view has a baseline request next to it.
      for (int i = 0; i < PER_ROUND; i++) {
        String code = codes.get(next++);
        long baseline = time(subscriber, unmetered, code);
        long counted = time(subscriber, metered, code);
        off.add(baseline);
        fresh.add(counted);
        paired.add(counted - baseline);
        again.add(time(subscriber, metered, repeated.get(i)));
      }
    }

    Meters meters = metered.getBean(Meters.class);
    List<Long> direct = new ArrayList<>();
    Account refreshed = accounts.byId(account.id()).orElseThrow();
    for (String code : codes.subList(next, next + PER_ROUND)) {
      long start = System.nanoTime();
      assertThat(
              meters
                  .codePage(Optional.of(refreshed), null, "127.0.0.1", "icd10cm", code)
                  .admitted())
          .isTrue();
      direct.add(System.nanoTime() - start);
    }

    System.out.printf(
        Locale.ROOT,
        "%nMetering overhead per code-page request (%d rounds x %d sequential requests, same JVM,"
            + " same PostgreSQL, load average %s)%n",
        ROUNDS,
        PER_ROUND,
        loadAverage());
    print("baseline: metering off", off, off);
    print("metered: a new code (counted)", fresh, off);
    print("metered: a code read before", again, off);
    print("Meters.codePage alone (no HTTP)", direct, null);
    System.out.printf(
        Locale.ROOT,
        "  %-34s median %+6.2f ms%n",
        "paired (counted - baseline)",
        percentile(paired, 50));
  }

  private static long time(SiteClient client, ConfigurableApplicationContext node, String code) {
    long start = System.nanoTime();
    HttpResponse<String> page = client.get(MeteredSite.url(node, "/codes/icd10cm/" + code));
    long nanos = System.nanoTime() - start;
    if (page.statusCode() != 200 || page.body().contains("id=\"gate\"")) {
      throw new IllegalStateException("Not a full code page: " + code + " " + page.statusCode());
    }
    return nanos;
  }

  private static void print(String label, List<Long> nanos, List<Long> baseline) {
    double median = percentile(nanos, 50);
    String versus = "";
    if (baseline != null && baseline != nanos) {
      double base = percentile(baseline, 50);
      versus =
          String.format(
              Locale.ROOT, "  overhead %+.2f ms (x%.2f of baseline)", median - base, median / base);
    }
    System.out.printf(
        Locale.ROOT,
        "  %-34s median %6.2f ms  p90 %6.2f ms  mean %6.2f ms%s%n",
        label,
        median,
        percentile(nanos, 90),
        nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
        versus);
  }

  private static double percentile(List<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }

  private static String loadAverage() {
    try {
      return Arrays.stream(
              java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "))
          .limit(3)
          .reduce((a, b) -> a + " " + b)
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
