package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.sdk.catalog.EntityValidator;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.ReadingSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Entity processors wired as the application wires them, reading no network, for unit tests. */
final class TestProcessors {

  private TestProcessors() {}

  /** Source readers that may read no host, with their git mirrors in {@code dataDir}. */
  static SourceReaders readers(Path dataDir) {
    UrlReader urls =
        new UrlReader(
            new ReadingSettings(List.of(), Duration.ofSeconds(1), 100_000, null, 0),
            new IntegrationsSettings(List.of(), List.of(), Duration.ofSeconds(1)));
    return new SourceReaders(urls, new GitReader(new TarmacSettings(dataDir, false, "t"), urls));
  }

  /**
   * A processor with its git mirrors in {@code dataDir}.
   *
   * @param roots the file roots run-time registrations may read
   * @param configured configured location keys and their file targets (or empty strings)
   * @param allowedKinds the kinds every location may emit
   */
  static EntityProcessor processor(
      Path dataDir, List<Path> roots, Map<String, String> configured, List<String> allowedKinds) {
    SourceReaders readers = readers(dataDir);
    CatalogSettings settings =
        new CatalogSettings(
            List.of(),
            List.of(new CatalogSettings.CatalogRule(allowedKinds)),
            Duration.ofMinutes(2),
            Duration.ofHours(24),
            500,
            Duration.ofMinutes(1),
            Duration.ofMillis(250),
            false);
    return new EntityProcessor(
        EntityValidator.standard(),
        readers,
        new CatalogRules(settings, Map.of()),
        new FileRoots(roots, configured));
  }
}
