package org.openencoder.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openencoder.OpenEncoderApplication;
import org.openencoder.codeset.CodeEntry;
import org.openencoder.codeset.CodeSets;
import org.openencoder.codeset.Release;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app with the default metering quotas, as up to two nodes sharing one PostgreSQL, sending its
 * emails to a GreenMail SMTP server. Its mirror holds only the ICD-10-CM FY2026 order file (a link
 * to the official file, not a copy), which is enough for metered code pages and quick to import.
 * Started once per test JVM and shared by the accounts tests.
 */
public final class MeteredSite {

  private static final String ORDER_FILE = "icd10/icd10cm-Code Descriptions-2026.zip";

  /** Becomes an administrator when verified (OPENENCODER_ADMIN_EMAIL). */
  public static final String ADMIN_EMAIL = "admin@example.org";

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private static MeteredSite site;

  private final EmbeddedPostgres postgres;
  private final GreenMail mail;
  private final Path mirror;
  private final ConfigurableApplicationContext first;
  private ConfigurableApplicationContext second;
  private ConfigurableApplicationContext unmetered;

  private MeteredSite() throws IOException {
    mirror = ScratchFolders.create("openencoder-metered-mirror");
    Path order = mirror.resolve(ORDER_FILE);
    Files.createDirectories(order.getParent());
    Files.createSymbolicLink(order, OfficialFiles.path(ORDER_FILE).toAbsolutePath());
    postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    first = startNode();
  }

  public static synchronized MeteredSite get() {
    if (site == null) {
      try {
        site = new MeteredSite();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(site::stop));
    }
    return site;
  }

  /** The first node. */
  public ConfigurableApplicationContext node() {
    return first;
  }

  /** A second node on the same database, started on first use. */
  public synchronized ConfigurableApplicationContext secondNode() {
    if (second == null) {
      second = startNode();
    }
    return second;
  }

  /**
   * A node on the same database with {@code OPENENCODER_METERING=off} (a self-hosted install for
   * one team), started on first use.
   */
  public synchronized ConfigurableApplicationContext unmeteredNode() {
    if (unmetered == null) {
      unmetered = startNode("--openencoder.metering.enabled=off");
    }
    return unmetered;
  }

  public static String url(ConfigurableApplicationContext node, String path) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    return "http://localhost:" + port + path;
  }

  public String url(String path) {
    return url(first, path);
  }

  /** Codes of the loaded ICD-10-CM release, in order, for tests that need many distinct pages. */
  public List<String> codes(int count) {
    CodeSets codeSets = first.getBean(CodeSets.class);
    Release release = codeSets.activeReleases("icd10cm").get(0);
    return codeSets.catalog(release.id()).orElseThrow().entries().stream()
        .map(CodeEntry::code)
        .limit(count)
        .toList();
  }

  /** Registers through the site's form and opens the emailed verification link. */
  public void registerAndVerify(SiteClient client, String email, String password) {
    long before = mailsTo(email);
    HttpResponse<String> registered =
        client.submit(
            url("/register"), url("/register"), Map.of("email", email, "password", password));
    if (registered.statusCode() != 200) {
      throw new IllegalStateException("Registration answered " + registered.statusCode());
    }
    HttpResponse<String> verified = client.get(linkMailedTo(email, (int) before + 1));
    if (verified.statusCode() != 200) {
      throw new IllegalStateException("Verification answered " + verified.statusCode());
    }
  }

  /** Logs in through the login form of {@code node}; the answer is the form's redirect. */
  public static HttpResponse<String> logIn(
      SiteClient client, ConfigurableApplicationContext node, String email, String password) {
    return client.submit(
        url(node, "/login"), url(node, "/login"), Map.of("email", email, "password", password));
  }

  /** A client logged in as a new verified free member. */
  public SiteClient member(String email, String password) {
    SiteClient client = new SiteClient();
    registerAndVerify(client, email, password);
    HttpResponse<String> login = logIn(client, first, email, password);
    if (login.statusCode() != 302
        || login.headers().firstValue("Location").orElse("").contains("?")) {
      throw new IllegalStateException("Login failed: " + login.headers().map());
    }
    return client;
  }

  /** The first link in email number {@code nth} to {@code to}, waiting for it to arrive. */
  public String linkMailedTo(String to, int nth) {
    Matcher link = LINK.matcher(mailTo(to, nth));
    if (!link.find()) {
      throw new IllegalStateException("No link in the email to " + to);
    }
    return link.group();
  }

  /** The text of email number {@code nth} to {@code to}, waiting for it to arrive. */
  public String mailTo(String to, int nth) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<MimeMessage> messages =
          Arrays.stream(mail.getReceivedMessages())
              .filter(m -> recipient(m).equalsIgnoreCase(to))
              .toList();
      if (messages.size() >= nth) {
        try {
          return String.valueOf(messages.get(nth - 1).getContent());
        } catch (IOException | MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
    }
    throw new IllegalStateException("No email number " + nth + " to " + to + " within 20 s");
  }

  /** How many emails {@code to} received. */
  public long mailsTo(String to) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipient(m).equalsIgnoreCase(to))
        .count();
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConfigurableApplicationContext startNode(String... extraArguments) {
    Path home = ScratchFolders.create("openencoder-metered-home");
    ConfigurableApplicationContext context =
        // Command-line arguments, so that they win over the environment (OPENENCODER_MIRROR).
        new SpringApplicationBuilder(OpenEncoderApplication.class)
            .run(
                Stream.concat(
                        Stream.of(
                            "--server.port=0",
                            "--openencoder.home=" + home,
                            "--openencoder.mirror=" + mirror,
                            "--spring.datasource.url="
                                + postgres.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--spring.datasource.hikari.maximum-pool-size=20",
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + mail.getSmtp().getPort(),
                            "--spring.jmx.enabled=false",
                            "--openencoder.accounts.admin-email=" + ADMIN_EMAIL),
                        Stream.of(extraArguments))
                    .toArray(String[]::new));
    try {
      if (!context.getBean(CodeSets.class).awaitReady(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("The metered site did not load its release");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return context;
  }

  private void stop() {
    if (second != null) {
      second.close();
    }
    if (unmetered != null) {
      unmetered.close();
    }
    first.close();
    mail.stop();
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the temporary cluster goes with it.
    }
  }
}
