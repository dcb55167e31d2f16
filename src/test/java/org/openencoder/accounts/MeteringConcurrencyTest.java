package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.MeteredSite;
import org.openencoder.testing.SiteClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two app nodes on one PostgreSQL never let a member read more code pages than the quota. */
class MeteringConcurrencyTest {

  private static final MeteredSite SITE = MeteredSite.get();

  @Test
  void twoHundredParallelViewsOnTwoNodesAdmitExactlyTheFreeQuota() throws Exception {
    String email = "parallel-" + UUID.randomUUID() + "@example.org";
    SiteClient member = SITE.member(email, "correct horse battery");
    ConfigurableApplicationContext first = SITE.node();
    ConfigurableApplicationContext second = SITE.secondNode();
    List<String> codes = SITE.codes(1000).subList(500, 700);
    assertThat(codes).hasSize(200).doesNotHaveDuplicates();

    ExecutorService pool = Executors.newFixedThreadPool(200);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < codes.size(); i++) {
        // One session (a row in PostgreSQL) used on both nodes at once.
        ConfigurableApplicationContext node = i % 2 == 0 ? first : second;
        String url = MeteredSite.url(node, "/codes/icd10cm/" + codes.get(i));
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return member.get(url);
                }));
      }
      start.countDown();
      int admitted = 0;
      int gated = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> page = answer.get();
        assertThat(page.statusCode()).isEqualTo(200);
        if (page.body().contains("id=\"gate\"")) {
          gated++;
        } else {
          admitted++;
        }
      }
      int quota = SITE.node().getBean(Meters.class).properties().memberViews();
      assertThat(quota).isEqualTo(6);
      assertThat(admitted).isEqualTo(quota);
      assertThat(gated).isEqualTo(200 - quota);
    } finally {
      pool.shutdownNow();
    }
    long id = SITE.node().getBean(Accounts.class).byEmail(email).orElseThrow().id();
    JdbcClient jdbc = SITE.node().getBean(JdbcClient.class);
    assertThat(
            jdbc.sql("select used from meter_counter where meter = ?")
                .param(Accounts.meter(id))
                .query(Integer.class)
                .single())
        .isEqualTo(6);
    assertThat(
            jdbc.sql("select count(*) from meter_view where meter = ?")
                .param(Accounts.meter(id))
                .query(Integer.class)
                .single())
        .isEqualTo(6);
  }
}
