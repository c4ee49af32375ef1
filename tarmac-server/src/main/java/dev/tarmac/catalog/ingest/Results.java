package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.sdk.catalog.Relation;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Turns a processing outcome into the row written for it, with the hash that detects change. */
final class Results {

  private Results() {}

  /** The result to store for {@code entityRef}; {@code errors} replace the outcome's own. */
  static ProcessedResult of(
      String entityRef, Processed p, List<ProcessingError> errors, Instant next) {
    String processedJson = p.failed() ? null : Json.write(p.entity());
    String errorsJson = errors.isEmpty() ? null : Json.write(errors);
    StringBuilder fingerprint = new StringBuilder();
    // The source fingerprint belongs to the result: a location whose files changed must store the
    // new one even when the location itself did not change, or every refresh would parse again.
    fingerprint.append(processedJson).append('\n').append(errorsJson).append('\n');
    fingerprint.append(p.sourceEtag()).append('\n');
    for (Relation r : p.relations()) {
      fingerprint
          .append(r.type())
          .append(' ')
          .append(r.source())
          .append(' ')
          .append(r.target())
          .append('\n');
    }
    return new ProcessedResult(
        entityRef,
        processedJson,
        Hashes.sha256(fingerprint.toString()),
        errorsJson,
        p.sourceEtag(),
        p.failed() ? null : p.relations(),
        next);
  }

  /**
   * When to process an entity again: on the processing interval if it reads sources, else on the
   * self-contained one; ±25% jitter spreads the work.
   */
  static Instant next(CatalogSettings settings, boolean readsSources) {
    long base =
        (readsSources ? settings.processingInterval() : settings.selfContainedInterval())
            .toMillis();
    long jitter = (long) (base * (ThreadLocalRandom.current().nextDouble() * 0.5 - 0.25));
    return Instant.now().plus(Duration.ofMillis(base + jitter));
  }

  /** Whether writing {@code result} over a row with this hash and errors would change nothing. */
  static boolean unchanged(ProcessedResult result, String storedHash, String storedErrors) {
    return result.resultHash().equals(storedHash)
        && storedErrors == null
        && result.errorsJson() == null;
  }
}
