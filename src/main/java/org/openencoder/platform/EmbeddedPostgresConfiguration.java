package org.openencoder.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code SPRING_DATASOURCE_URL} the app runs its own PostgreSQL with its data under {@code
 * $OPENENCODER_HOME/postgres}, so a newcomer needs nothing installed. The data folder is kept
 * between runs: a restart finds the imported releases and does not import again.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(OpenEncoderProperties properties) {
    Path dataDirectory = properties.home().resolve("postgres").toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataDirectory);
      log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // Import writes in large batches; these settings trade durability of the last
          // moments before a crash (the import is re-run) for a faster first start.
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("max_wal_size", "2GB")
          .setServerConfig("shared_buffers", "128MB")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    return DataSourceBuilder.create()
        .url(postgres.getJdbcUrl("postgres", "postgres"))
        .username("postgres")
        .password("")
        .build();
  }

  static final class NoDatasourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
