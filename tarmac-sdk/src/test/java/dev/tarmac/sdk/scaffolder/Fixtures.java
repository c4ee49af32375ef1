package dev.tarmac.sdk.scaffolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Loads scaffolder fixtures and runs them. */
final class Fixtures {

  static final Path ROOT = Path.of("src/test/resources/fixtures/scaffolder");

  private Fixtures() {}

  static TemplateDefinition template(Path dir) throws IOException {
    return TemplateDefinition.fromYaml(Files.readString(dir.resolve("template.yaml")));
  }

  static JsonNode values(Path dir) throws IOException {
    Path v = dir.resolve("values.yaml");
    return Files.exists(v)
        ? new YAMLMapper().readTree(Files.readString(v))
        : Values.JSON.createObjectNode();
  }

  static RunResult run(
      Path dir, Path out, boolean dryRun, List<String> log, Map<String, String> secrets)
      throws IOException {
    TaskRunner runner = new TaskRunner(TaskRunner.builtinActions(), new Expressions());
    BooleanSupplier never = () -> false;
    RunRequest request =
        new RunRequest(
            template(dir),
            values(dir),
            secrets,
            new Workspace(out),
            LocalFileSource.of(dir),
            "task-1",
            "user:default/guest",
            null,
            "template:default/x",
            dryRun,
            never);
    return runner.run(
        request,
        new RunListener() {
          @Override
          public void log(String stepId, String message) {
            log.add((stepId == null ? "" : stepId + ": ") + message);
          }

          @Override
          public void step(String stepId, String status) {
            log.add(stepId + " -> " + status);
          }
        });
  }

  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    new Workspace(dir).files().forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }
}
