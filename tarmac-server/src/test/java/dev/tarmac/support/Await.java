package dev.tarmac.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for background processing to reach a state, failing with a message after a timeout. */
public final class Await {

  private Await() {}

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
