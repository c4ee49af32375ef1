package dev.tarmac.catalog;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalog settings under {@code tarmac.catalog}.
 *
 * @param locations locations read at start-up, like Backstage's {@code catalog.locations}
 * @param rules which kinds locations may emit; Backstage's default allows Component, API, Location
 * @param processingInterval how often an entity's sources are read again (with ±25% jitter)
 * @param selfContainedInterval how often entities that read nothing but themselves (no location
 *     targets, no placeholders) are processed again; a change from their parent makes them due at
 *     once, so this is only a safety net
 * @param batchSize entities processed or stitched per database round trip
 * @param leaseTimeout how long a replica holds claimed work before others may take it over
 * @param pollInterval how long an idle worker sleeps before looking for due work
 * @param workers whether this replica runs the processing loop
 */
@ConfigurationProperties("tarmac.catalog")
public record CatalogSettings(
    @DefaultValue List<LocationSpec> locations,
    @DefaultValue List<CatalogRule> rules,
    @DefaultValue("120s") Duration processingInterval,
    @DefaultValue("24h") Duration selfContainedInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("60s") Duration leaseTimeout,
    @DefaultValue("250ms") Duration pollInterval,
    @DefaultValue("true") boolean workers) {

  /**
   * A location read at start-up.
   *
   * @param type file, url or git
   * @param target a path or glob, a URL, or a git repository
   * @param rules extra rules for entities read through this location
   */
  public record LocationSpec(String type, String target, @DefaultValue List<CatalogRule> rules) {}

  /**
   * A rule allowing some kinds.
   *
   * @param allow kind names, compared case-insensitively
   */
  public record CatalogRule(@DefaultValue List<String> allow) {}
}
