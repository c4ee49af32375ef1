package dev.tarmac.sdk.scaffolder.actions;

import dev.tarmac.sdk.scaffolder.Action;
import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code fs:delete}, {@code fs:rename}, {@code debug:log}, {@code debug:wait}, {@code
 * catalog:write}.
 */
public final class WorkspaceActions {

  private static final String NO_OUTPUT = "{\"type\":\"object\"}";
  private static final YAMLMapper YAML = new YAMLMapper();

  private WorkspaceActions() {}

  /** The workspace-only actions besides fetch. */
  public static List<Action> all() {
    return List.of(
        new SimpleAction(
            "fs:delete",
            "Deletes files and directories (globs) from the workspace.",
            """
            {"type":"object","required":["files"],"properties":{
              "files":{"type":"array","items":{"type":"string"}}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Delete a file", "action: fs:delete\ninput:\n  files: [README.md]\n")),
            WorkspaceActions::delete),
        new SimpleAction(
            "fs:rename",
            "Renames files and directories in the workspace.",
            """
            {"type":"object","required":["files"],"properties":{
              "files":{"type":"array","items":{"type":"object","required":["from","to"],"properties":{
                "from":{"type":"string"},"to":{"type":"string"},"overwrite":{"type":"boolean"}}}}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Rename a file",
                    "action: fs:rename\ninput:\n  files:\n    - from: a.txt\n      to: b.txt\n")),
            WorkspaceActions::rename),
        new SimpleAction(
            "debug:log",
            "Writes a message, and optionally the workspace's file list, to the task log.",
            """
            {"type":"object","properties":{
              "message":{"type":"string"},"listWorkspace":{"type":["boolean","string"]}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Log a message", "action: debug:log\ninput:\n  message: Hello\n")),
            WorkspaceActions::log),
        new SimpleAction(
            "debug:wait",
            "Waits for a while (at most ten minutes).",
            """
            {"type":"object","properties":{
              "minutes":{"type":"number"},"seconds":{"type":"number"},"milliseconds":{"type":"number"}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Wait five seconds", "action: debug:wait\ninput:\n  seconds: 5\n")),
            WorkspaceActions::await),
        new SimpleAction(
            "catalog:write",
            "Writes an entity as a catalog-info.yaml file in the workspace.",
            """
            {"type":"object","required":["entity"],"properties":{
              "filePath":{"type":"string","default":"catalog-info.yaml"},"entity":{"type":"object"}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Write the entity",
                    "action: catalog:write\ninput:\n  entity:\n    apiVersion: backstage.io/v1alpha1\n    kind: Component\n")),
            WorkspaceActions::catalogWrite));
  }

  private static void delete(ActionContext ctx) throws IOException {
    Path root = ctx.workspace().root();
    for (JsonNode f : ctx.input().path("files")) {
      String glob = f.asString();
      ctx.workspace().resolve(glob.replace("*", "x"), ctx.stepId());
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      List<Path> matches;
      try (Stream<Path> walk = Files.walk(root)) {
        matches = walk.filter(p -> !p.equals(root) && m.matches(root.relativize(p))).toList();
      }
      for (Path p : matches) {
        if (Files.exists(p)) {
          try (Stream<Path> tree = Files.walk(p)) {
            for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(q);
            }
          }
          ctx.log("Deleted " + root.relativize(p));
        }
      }
    }
  }

  private static void rename(ActionContext ctx) throws IOException {
    for (JsonNode f : ctx.input().path("files")) {
      Path from = ctx.workspace().resolve(f.path("from").asString(), ctx.stepId());
      Path to = ctx.workspace().resolve(f.path("to").asString(), ctx.stepId());
      if (!Files.exists(from)) {
        throw new ScaffolderException(
            ctx.stepId(), "there is no file '" + f.path("from").asString() + "' to rename");
      }
      boolean overwrite = f.path("overwrite").asBoolean(false);
      if (Files.exists(to) && !overwrite) {
        throw new ScaffolderException(
            ctx.stepId(), "'" + f.path("to").asString() + "' already exists");
      }
      Files.createDirectories(to.getParent());
      if (overwrite) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to);
      }
      ctx.log("Renamed " + f.path("from").asString() + " to " + f.path("to").asString());
    }
  }

  private static void log(ActionContext ctx) {
    if (ctx.input().has("message")) {
      ctx.log(ctx.string("message", ""));
    }
    JsonNode list = ctx.input().path("listWorkspace");
    if (list.asBoolean(false) || "with-filenames".equals(list.asString(""))) {
      ctx.workspace().files().keySet().forEach(p -> ctx.log("  " + p));
    }
  }

  private static void await(ActionContext ctx) throws InterruptedException {
    long ms =
        (long)
            (ctx.input().path("minutes").asDouble(0) * 60_000
                + ctx.input().path("seconds").asDouble(0) * 1000
                + ctx.input().path("milliseconds").asDouble(0));
    if (ms > 600_000) {
      throw new ScaffolderException(ctx.stepId(), "debug:wait waits at most 10 minutes");
    }
    long end = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < end) {
      if (ctx.cancelled().getAsBoolean()) {
        ctx.log("Stopped waiting: the task was cancelled");
        return;
      }
      Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
    }
  }

  private static void catalogWrite(ActionContext ctx) throws IOException {
    String file = ctx.string("filePath", "catalog-info.yaml");
    Path p = ctx.workspace().resolve(file, ctx.stepId());
    Files.createDirectories(p.getParent());
    Files.writeString(
        p, YAML.writeValueAsString(ctx.input().get("entity")), StandardCharsets.UTF_8);
    ctx.log("Wrote " + file);
  }
}
