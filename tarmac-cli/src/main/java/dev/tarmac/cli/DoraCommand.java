package dev.tarmac.cli;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.CommitRanges;
import dev.tarmac.sdk.delivery.DeliveryEventException;
import dev.tarmac.sdk.delivery.DeliveryEvents;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraCalculator;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.GitCommitGraph;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.Profile;
import dev.tarmac.sdk.delivery.Profiles;
import dev.tarmac.sdk.delivery.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code tarmac dora}: DORA's four keys from an event file or a git history, no server needed. */
@Command(
    name = "dora",
    mixinStandardHelpOptions = true,
    description = {
      "Computes DORA's four keys with the same engine as the Tarmac server and prints the report"
          + " as JSON (the shape of GET /api/delivery/metrics).",
      "",
      "Events are JSON lines, one event per line with a 'type' of deployment, change or"
          + " incident and the event's fields (as the server's /api/delivery endpoints take them).",
      "With --git, the repository's commits reachable from HEAD become the changes of --service,"
          + " and a deployment naming only its head commit gets the range since the previous"
          + " successful deployment to the same environment.",
      "Exit codes: 0 report printed, 1 bad events, 2 usage error."
    })
class DoraCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "JSON-lines file of deployments, changes and incidents.")
  Path events;

  @Option(
      names = "--git",
      paramLabel = "REPO",
      description = "A git repository (work tree or bare).")
  Path git;

  @Option(
      names = "--service",
      description =
          "Service name for --git changes and for events without one (default: the folder name).")
  String service;

  @Option(
      names = "--from",
      description = "Window start, ISO-8601 with zone (default: 12 full ISO weeks ago).")
  String from;

  @Option(
      names = "--to",
      description = "Window end, exclusive (default: this week's Monday 00:00 UTC).")
  String to;

  @Option(
      names = "--profile",
      defaultValue = Profiles.DEFAULT,
      description = "dora-2023 or dora-2021.")
  String profile;

  @Option(names = "--scope", description = "Label for the report (default: service:NAME or org).")
  String scope;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (events == null && git == null) {
      err.println("give --events FILE, --git REPO, or both");
      return 2;
    }
    Profile p = Profiles.named(profile).orElse(null);
    if (p == null) {
      err.println("unknown profile '" + profile + "'; known: " + Profiles.names());
      return 2;
    }
    String name =
        service != null
            ? service
            : git != null ? git.toAbsolutePath().normalize().getFileName().toString() : null;
    List<Deployment> deployments = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Incident> incidents = new ArrayList<>();
    Window window;
    try {
      window =
          from == null && to == null
              ? Window.lastFullIsoWeeks(Instant.now(), 12)
              : new Window(
                  DeliveryEvents.instant(from, "--from"), DeliveryEvents.instant(to, "--to"));
      if (events != null) {
        read(events, name, deployments, changes, incidents);
      }
    } catch (DeliveryEventException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot read " + events + ": " + e.getMessage());
      return 2;
    }
    if (git != null) {
      try (GitCommitGraph graph = new GitCommitGraph(git.toFile())) {
        changes.addAll(graph.changes(name));
        deployments = CommitRanges.resolve(deployments, s -> graph);
      } catch (RuntimeException e) {
        err.println("cannot read git repository " + git + ": " + e.getMessage());
        return 2;
      }
    }
    String label = scope != null ? scope : name != null ? "service:" + name : "org";
    DoraReport report = DoraCalculator.compute(label, deployments, changes, incidents, window, p);
    out.println(
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(report));
    out.flush();
    return 0;
  }

  private void read(Path file, String name, List<Deployment> ds, List<Change> cs, List<Incident> is)
      throws IOException {
    JsonMapper mapper = JsonMapper.shared();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String at = file.getFileName() + ":" + (i + 1) + ": ";
      JsonNode n;
      try {
        n = mapper.readTree(line);
      } catch (JacksonException e) {
        throw new DeliveryEventException(at + "$", "malformed JSON");
      }
      if (name != null && n.isObject() && !n.has("service")) {
        ((tools.jackson.databind.node.ObjectNode) n).put("service", name);
      }
      String type = n.path("type").asString("");
      switch (type) {
        case "deployment" -> ds.add(DeliveryEvents.deployment(n, at));
        case "change" -> cs.add(DeliveryEvents.change(n, at));
        case "incident" -> is.add(DeliveryEvents.incident(n, at));
        default ->
            throw new DeliveryEventException(
                at + "type",
                "unknown event type '" + type + "'; expected deployment, change or incident");
      }
    }
  }
}
