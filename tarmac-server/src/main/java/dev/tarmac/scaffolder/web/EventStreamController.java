package dev.tarmac.scaffolder.web;

import dev.tarmac.scaffolder.Scaffolder;
import dev.tarmac.scaffolder.TaskEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /tasks/:id/eventstream}: the event log as server-sent events until completion. */
@RestController
@RequestMapping("/api/scaffolder/v2")
class EventStreamController {

  private static final Duration POLL = Duration.ofMillis(200);
  private final Scaffolder scaffolder;
  private final ExecutorService streams =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "scaffolder-sse");
            t.setDaemon(true);
            return t;
          });

  EventStreamController(Scaffolder scaffolder) {
    this.scaffolder = scaffolder;
  }

  @GetMapping(path = "/tasks/{id}/eventstream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@PathVariable String id, @RequestParam(defaultValue = "0") long after) {
    scaffolder.task(id);
    SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
    streams.submit(
        () -> {
          long last = after;
          try {
            while (true) {
              for (TaskEvent e : scaffolder.events(id, last)) {
                emitter.send(
                    SseEmitter.event()
                        .id(Long.toString(e.id()))
                        .name(e.type())
                        .data(e, MediaType.APPLICATION_JSON));
                last = e.id();
                if ("completion".equals(e.type())) {
                  emitter.complete();
                  return;
                }
              }
              Thread.sleep(POLL.toMillis());
            }
          } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
          }
        });
    return emitter;
  }
}
