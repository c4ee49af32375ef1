package dev.tarmac.catalog.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One location's chunk writes on a writer thread, at most one in flight and in the order given; a
 * failed write is rethrown on the caller's thread when it hands over the next chunk or awaits.
 */
final class ChunkPipeline {

  private static final Logger log = LoggerFactory.getLogger(ChunkPipeline.class);
  private final ExecutorService writer;
  private Future<?> last;

  ChunkPipeline(ExecutorService writer) {
    this.writer = writer;
  }

  /** Waits for the write in flight (rethrowing its failure), then starts this one. */
  void submit(Runnable write) {
    await();
    last = writer.submit(write);
  }

  /** Waits for the write in flight and rethrows what failed it. */
  void await() {
    if (last == null) {
      return;
    }
    Future<?> f = last;
    last = null;
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new IllegalStateException("Interrupted while writing a location's entities", e);
    }
  }

  /** After a failure elsewhere: lets the write in flight finish, so none outlives its round. */
  void settle() {
    try {
      await();
    } catch (RuntimeException | Error e) {
      log.debug("A chunk write failed after its round had already failed: {}", e.toString());
    }
  }
}
