package dev.tarmac.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkPipelineTest {

  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    writer.shutdownNow();
  }

  @Test
  void writesRunInOrderWithAtMostOneInFlight() throws Exception {
    ChunkPipeline pipeline = new ChunkPipeline(writer);
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      int chunk = i;
      events.add("parsed " + chunk);
      pipeline.submit(
          () -> {
            assertThat(running.incrementAndGet()).isEqualTo(1);
            sleep(20);
            events.add("written " + chunk);
            running.decrementAndGet();
          });
    }
    pipeline.await();

    assertThat(events.stream().filter(e -> e.startsWith("written")).toList())
        .containsExactly("written 0", "written 1", "written 2", "written 3", "written 4");
    // Chunk n+1 is parsed while chunk n is written, never before chunk n-1 is written.
    for (int i = 2; i < 5; i++) {
      assertThat(events.indexOf("written " + (i - 2))).isLessThan(events.indexOf("parsed " + i));
    }
  }

  @Test
  void aFailedWriteIsRethrownWhenTheNextChunkIsHandedOverAndStopsIt() {
    ChunkPipeline pipeline = new ChunkPipeline(writer);
    AtomicInteger written = new AtomicInteger();
    pipeline.submit(
        () -> {
          throw new IllegalStateException("lease lost");
        });
    assertThatThrownBy(() -> pipeline.submit(written::incrementAndGet))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lease lost");
    assertThat(written).hasValue(0);
  }

  @Test
  void settleWaitsForTheWriteInFlightAndSwallowsItsFailure() throws Exception {
    ChunkPipeline pipeline = new ChunkPipeline(writer);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    pipeline.submit(
        () -> {
          await(release);
          finished.incrementAndGet();
          throw new IllegalStateException("too late");
        });
    Thread releaser = new Thread(() -> sleepThen(50, release::countDown));
    releaser.start();
    assertThatCode(pipeline::settle).doesNotThrowAnyException();
    assertThat(finished).hasValue(1);
    releaser.join();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepThen(long millis, Runnable then) {
    sleep(millis);
    then.run();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
