package dev.tarmac.catalog.store;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a transaction that lost a deadlock or lock wait to another replica. Its work is still in
 * memory, so trying again at once beats leaving the rows leased until the lease runs out.
 */
public final class Deadlocks {

  private static final int ATTEMPTS = 5;

  private Deadlocks() {}

  /** Runs the transaction, again after a short random pause when it loses a lock conflict. */
  public static void retry(Runnable transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.run();
        return;
      } catch (PessimisticLockingFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
