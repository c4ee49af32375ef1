package dev.tarmac.cli;

import dev.tarmac.sdk.scaffolder.Action;
import dev.tarmac.sdk.scaffolder.Expressions;
import dev.tarmac.sdk.scaffolder.LocalFileSource;
import dev.tarmac.sdk.scaffolder.RunListener;
import dev.tarmac.sdk.scaffolder.RunRequest;
import dev.tarmac.sdk.scaffolder.RunResult;
import dev.tarmac.sdk.scaffolder.TaskRunner;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.Values;
import dev.tarmac.sdk.scaffolder.Workspace;
import dev.tarmac.sdk.scaffolder.actions.SimpleAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code tarmac template dry-run}: runs a template with the same engine as the server, writing the
 * rendered files to a folder; actions that need a server only log what they would do.
 */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = "Render a template into a folder without publishing anything.")
class TemplateDryRunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEMPLATE.yaml")
  Path template;

  @Option(names = "--values", description = "YAML or JSON file with the answers")
  Path values;

  @Option(names = "--out", required = true, description = "Folder for the rendered files")
  Path out;

  @Override
  public Integer call() throws Exception {
    TemplateDefinition t = TemplateDefinition.fromYaml(Files.readString(template));
    JsonNode answers =
        values == null
            ? Values.JSON.createObjectNode()
            : new YAMLMapper().readTree(Files.readString(values));
    List<Action> actions = new ArrayList<>(TaskRunner.builtinActions());
    for (String id : TemplateValidateCommand.SERVER_ACTIONS) {
      actions.add(
          new SimpleAction(
              id,
              "Needs a Tarmac server; the CLI only logs it.",
              "{\"type\":\"object\"}",
              "{\"type\":\"object\"}",
              List.of(),
              ctx ->
                  ctx.log(
                      "Dry run: would run " + id + " with " + withoutCredentials(ctx.input()))));
    }
    TaskRunner runner = new TaskRunner(actions, new Expressions());
    Files.createDirectories(out);
    Path base = template.toAbsolutePath().getParent();
    long start = System.nanoTime();
    RunResult result =
        runner.run(
            new RunRequest(
                t,
                answers,
                Map.of(),
                new Workspace(out),
                LocalFileSource.of(base),
                "dry-run",
                "user:default/cli",
                null,
                "template:default/" + t.name(),
                true,
                () -> false),
            new RunListener() {
              @Override
              public void log(String stepId, String message) {
                spec.commandLine()
                    .getOut()
                    .println((stepId == null ? "" : "[" + stepId + "] ") + message);
              }

              @Override
              public void step(String stepId, String status) {}
            });
    long ms = (System.nanoTime() - start) / 1_000_000;
    spec.commandLine().getOut().println("output: " + result.output());
    spec.commandLine()
        .getOut()
        .println(
            result.status()
                + " in "
                + ms
                + " ms, "
                + new Workspace(out).files().size()
                + " files in "
                + out);
    spec.commandLine().getOut().flush();
    return "completed".equals(result.status()) ? 0 : 1;
  }

  /** The input with tokens, passwords and secrets replaced by {@code ***}, for the log. */
  static JsonNode withoutCredentials(JsonNode input) {
    JsonNode copy = input.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (String name : List.copyOf(o.propertyNames())) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("token") || lower.contains("password") || lower.contains("secret")) {
          o.put(name, "***");
        } else {
          mask(o.get(name));
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(TemplateDryRunCommand::mask);
    }
  }
}
