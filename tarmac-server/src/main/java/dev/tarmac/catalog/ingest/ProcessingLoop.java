package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The replica's background worker: processes due entities and stitches changed ones, sleeping when
 * there is nothing to do. A failed round is logged and retried; leases make it safe to stop the
 * replica at any point.
 */
@Component
public class ProcessingLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProcessingLoop.class);
  private final ProcessingEngine engine;
  private final Stitcher stitcher;
  private final CatalogSettings settings;
  private final String owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile boolean running;
  private volatile boolean woken;
  private Thread thread;

  /** Creates the loop for this replica. */
  public ProcessingLoop(
      ProcessingEngine engine, Stitcher stitcher, CatalogSettings settings, ReplicaId replica) {
    this.engine = engine;
    this.stitcher = stitcher;
    this.settings = settings;
    this.owner = replica.value();
  }

  /** Asks the loop to look for work now rather than after its poll interval. */
  public void wakeUp() {
    lock.lock();
    try {
      woken = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Runs processing and stitching until nothing is due; used by tests and the benchmark. */
  public void drain() {
    while (engine.processBatch(owner)
            + stitcher.stitchBatch(owner, settings.batchSize(), settings.leaseTimeout())
        > 0) {
      // keep going until both queues are empty
    }
  }

  @Override
  public void start() {
    if (!settings.workers()) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "catalog-processing");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      int work = 0;
      try {
        work = engine.processBatch(owner);
        work += stitcher.stitchBatch(owner, settings.batchSize(), settings.leaseTimeout());
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("Catalog processing round failed; retrying: {}", e.toString());
      }
      if (work == 0) {
        sleep();
      }
    }
  }

  private void sleep() {
    lock.lock();
    try {
      if (!woken) {
        wake.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
