package dev.tarmac.scaffolder;

import dev.tarmac.scaffolder.engine.ScaffolderEngine;
import dev.tarmac.sdk.scaffolder.LocalFileSource;
import dev.tarmac.sdk.scaffolder.RunListener;
import dev.tarmac.sdk.scaffolder.RunRequest;
import dev.tarmac.sdk.scaffolder.RunResult;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.Workspace;
import dev.tarmac.shared.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Dry runs: a template on in-memory files in a throw-away workspace, events kept in memory. */
final class DryRuns {

  private final ScaffolderEngine engine;

  DryRuns(ScaffolderEngine engine) {
    this.engine = engine;
  }

  DryRunResult run(
      TemplateDefinition template,
      JsonNode values,
      Map<String, String> secrets,
      Map<String, byte[]> contents,
      String user) {
    String id = "dry-run-" + UUID.randomUUID();
    Path work = engine.workRoot().resolve(id);
    List<TaskEvent> log = new ArrayList<>();
    AtomicLong seq = new AtomicLong();
    try {
      Files.createDirectories(work);
      RunRequest request =
          new RunRequest(
              template,
              values,
              secrets == null ? Map.of() : secrets,
              new Workspace(work),
              engine.files(LocalFileSource.of(contents)),
              id,
              user,
              null,
              "template:default/" + template.name(),
              true,
              () -> false);
      RunResult result =
          engine
              .runner()
              .run(
                  request,
                  new RunListener() {
                    @Override
                    public void log(String stepId, String message) {
                      add(stepId, message, null);
                    }

                    @Override
                    public void step(String stepId, String status) {
                      add(stepId, "Step " + stepId + " " + status, status);
                    }

                    private void add(String stepId, String message, String status) {
                      ObjectNode body = Json.object().put("message", message);
                      if (stepId != null) {
                        body.put("stepId", stepId);
                      }
                      if (status != null) {
                        body.put("status", status);
                      }
                      log.add(new TaskEvent(seq.incrementAndGet(), id, "log", Instant.now(), body));
                    }
                  });
      List<DryRunResult.FileContent> files = new ArrayList<>();
      new Workspace(work)
          .files()
          .forEach(
              (p, b) ->
                  files.add(
                      new DryRunResult.FileContent(p, Base64.getEncoder().encodeToString(b))));
      return new DryRunResult(
          log,
          files,
          result.output(),
          result.steps().stream()
              .map(s -> new TaskStep(s.id(), s.name(), s.action(), s.status()))
              .toList(),
          result.status(),
          result.error());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(work);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover dry-run folder is harmless; the next start does not reuse its name
    }
  }
}
