package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.TableStatistics;
import java.time.Instant;
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
  private static final int STITCH_EVERY = 10;
  private final ProcessingEngine engine;
  private final Stitcher stitcher;
  private final TableStatistics statistics;
  private final RefreshQueue queue;
  private final CatalogSettings settings;
  private final String owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile boolean running;
  private volatile boolean woken;
  private Thread thread;

  /** Creates the loop for this replica. */
  public ProcessingLoop(
      ProcessingEngine engine,
      Stitcher stitcher,
      CatalogSettings settings,
      ReplicaId replica,
      TableStatistics statistics,
      RefreshQueue queue) {
    this.statistics = statistics;
    this.queue = queue;
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
    int roundsSinceStitch = 0;
    while (running) {
      int work = 0;
      try {
        work = engine.processBatch(owner);
        // Stitch once processing has drained (or every few rounds, so it never starves): an
        // entity's reverse relations arrive from other entities' processing, and stitching after
        // them all builds each final entity once instead of once per batch that touches it.
        if (work == 0 || ++roundsSinceStitch >= STITCH_EVERY) {
          statistics.vacuumBeforeStitching();
          work += stitcher.stitchBatch(owner, settings.batchSize(), settings.leaseTimeout());
          roundsSinceStitch = 0;
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("Catalog processing round failed; retrying: {}", e.toString());
      }
      if (work == 0) {
        analyzeQuietly();
        sleep();
      }
    }
  }

  private void analyzeQuietly() {
    try {
      statistics.analyzeIfChanged();
    } catch (RuntimeException e) {
      log.warn("Could not analyse catalog tables: {}", e.toString());
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
      if (!thread.isAlive()) {
        releaseLeases();
      }
    }
  }

  /**
   * Hands this replica's leased work back (a location stopped half-written included), so a restart
   * or another replica takes it up at once rather than after the lease timeout. What was written
   * stays; whoever takes it writes the rest, as after a crash.
   */
  private void releaseLeases() {
    try {
      int n = queue.releaseAll(owner, Instant.now());
      if (n > 0) {
        log.info("Stopped with {} leased entities; their work is due again at once", n);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not hand back this replica's leases; they run out after the lease timeout: {}",
          e.toString());
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
