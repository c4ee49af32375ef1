package dev.tarmac.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for background processing to reach a state, failing with a message after a timeout. */
public final class Await {

  private Await() {}

  /**
   * Waits until the demo organisation is in the catalog, as far as the portal tests need it: an API
   * read from its definition file and a golden-path template (the last file the demo lists).
   */
  public static void demoLoaded(Api api) {
    until(
        "the demo organisation to load",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/catalog/entities/by-name/api/default/route-planning-api").status() == 200
                && api.get(
                            "/api/catalog/entities/by-name/template/default/spring-boot-rest-service")
                        .status()
                    == 200);
  }

  /** Polls the condition every 50 ms until it holds or the timeout passes. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what);
      }
    }
  }
}
