package dev.tarmac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DoraCommandTest {

  static final Path EVENTS = Path.of("src/test/resources/fixtures/dora/events.jsonl");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TarmacCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void computesTheReportFromAnEventFile() {
    int code =
        run(
            "dora",
            "--events",
            EVENTS.toString(),
            "--from",
            "2024-01-01T00:00:00Z",
            "--to",
            "2024-01-15T00:00:00Z");
    assertThat(code).as(err.toString()).isZero();
    JsonNode r = JsonMapper.shared().readTree(out.toString());
    // d1 and d3 count (d2 failed; its c2 is carried into d3). Lead times: c1 240, c2 d3 Jan 9
    // 10:00 - Jan 3 08:00 = 8760, c3 60 -> median 240. i1 -> d3: 1 of 2 failed; recovery 90.
    assertThat(r.path("deploymentFrequency").path("deployments").asInt()).isEqualTo(2);
    assertThat(r.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(3);
    assertThat(r.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(240.0);
    assertThat(r.path("changeFailureRate").path("rate").asDouble()).isEqualTo(0.5);
    assertThat(r.path("failedDeploymentRecoveryTime").path("medianMinutes").asDouble())
        .isEqualTo(90.0);
    assertThat(r.path("weekly").get(0).path("weekStart").asString()).isEqualTo("2024-01-01");
  }

  @Test
  void computesLeadTimesFromAGitHistoryAndHeadOnlyDeployments(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("shop");
    List<String> shas = new ArrayList<>();
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < 3; i++) {
        Files.writeString(repo.resolve("f.txt"), "v" + i);
        git.add().addFilepattern("f.txt").call();
        PersonIdent who =
            new PersonIdent(
                "Dev",
                "dev@example.com",
                Instant.parse("2024-01-02T08:00:00Z").plusSeconds(3600L * i),
                ZoneOffset.UTC);
        shas.add(
            git.commit()
                .setMessage("c" + i)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call()
                .name());
      }
    }
    Path deployments = dir.resolve("deployments.jsonl");
    Files.writeString(
        deployments,
        "{\"type\":\"deployment\",\"id\":\"1\",\"environment\":\"production\",\"commitShas\":[\""
            + shas.get(0)
            + "\"],\"finishedAt\":\"2024-01-02T09:00:00Z\",\"status\":\"success\"}\n"
            + "{\"type\":\"deployment\",\"id\":\"2\",\"environment\":\"production\",\"commitShas\":[\""
            + shas.get(2)
            + "\"],\"finishedAt\":\"2024-01-02T12:00:00Z\",\"status\":\"success\"}\n");
    int code =
        run(
            "dora",
            "--git",
            repo.toString(),
            "--events",
            deployments.toString(),
            "--from",
            "2024-01-01T00:00:00Z",
            "--to",
            "2024-01-08T00:00:00Z");
    assertThat(code).as(err.toString()).isZero();
    JsonNode r = JsonMapper.shared().readTree(out.toString());
    // Commits 08:00, 09:00, 10:00; deployment 1 ships c0 at 09:00 (60 min); deployment 2 names
    // head c2 only, so it ships c0..c2 = c1, c2 at 12:00 (180, 120) -> median 120.
    assertThat(r.path("scope").asString()).isEqualTo("service:shop");
    assertThat(r.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(3);
    assertThat(r.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(120.0);
  }

  @Test
  void badEventsNameTheLineAndField(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"type\":\"incident\",\"id\":\"i\",\"service\":\"s\",\"openedAt\":\"2024-01-01T10:00:00\"}\n");
    assertThat(run("dora", "--events", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("bad.jsonl:1: openedAt");
    Files.writeString(bad, "{\"type\":\"build\"}\n");
    assertThat(run("dora", "--events", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("unknown event type 'build'");
  }
}
