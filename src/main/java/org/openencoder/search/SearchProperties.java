package org.openencoder.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of code search ({@code openencoder.search.*}).
 *
 * @param cache the answers kept for searches asked again
 */
@ConfigurationProperties("openencoder.search")
public record SearchProperties(@DefaultValue Cache cache) {

  /**
   * The answers kept in memory for searches asked again, until the active releases change.
   *
   * @param enabled false asks the index every time (a benchmark of the search itself, or a node
   *     short of memory)
   * @param maxHits the bound on memory: the codes held in all kept answers together (an answer of
   *     20 codes weighs 21); a code held is roughly half a kilobyte (an estimate from its strings,
   *     not measured), so the default holds some 25 MB
   */
  public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("50000") long maxHits) {

    public Cache {
      if (maxHits < 0) {
        throw new IllegalArgumentException("openencoder.search.cache.max-hits must be 0 or more");
      }
    }
  }
}
