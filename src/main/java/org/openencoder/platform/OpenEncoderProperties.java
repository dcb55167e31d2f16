package org.openencoder.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where local state lives and where official files come from.
 *
 * @param home {@code OPENENCODER_HOME}: embedded PostgreSQL, indexes and downloaded files
 * @param mirror {@code OPENENCODER_MIRROR}: a folder laid out like ../shared/data that replaces
 *     downloads; null to download from the official URLs
 */
@ConfigurationProperties("openencoder")
public record OpenEncoderProperties(@DefaultValue("./data") Path home, Path mirror) {

  public Path downloads() {
    return home.resolve("downloads");
  }
}
