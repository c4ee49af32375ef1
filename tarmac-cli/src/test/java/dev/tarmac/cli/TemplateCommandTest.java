package dev.tarmac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TemplateCommandTest {

  private final StringWriter out = new StringWriter();

  @TempDir Path tmp;

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TarmacCli());
    cli.setOut(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void validateAcceptsTheGoldenPathsAndNamesAnUnknownAction() {
    assertThat(run("template", "validate", "../templates/scheduled-job/template.yaml")).isZero();
    assertThat(out.toString()).contains("ok (2 parameter pages, 3 steps)");
    assertThat(
            run(
                "template",
                "validate",
                "src/test/resources/fixtures/template/invalid/unknown-action.yaml"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("step 'deploy' uses unknown action 'deploy:everywhere'");
  }

  @Test
  void dryRunWritesTheRenderedRepository() throws Exception {
    Path values = tmp.resolve("values.yaml");
    Files.writeString(
        values,
        "name: billing\nowner: group:default/finance\njavaPackage: com.acme.billing\nrepoUrl: git.tarmac.local?owner=f&repo=billing\n");
    Path dir = tmp.resolve("out");
    assertThat(
            run(
                "template",
                "dry-run",
                "../templates/spring-boot-rest-service/template.yaml",
                "--values",
                values.toString(),
                "--out",
                dir.toString()))
        .isZero();
    assertThat(Files.readString(dir.resolve("catalog-info.yaml")))
        .contains("name: billing")
        .contains("owner: group:default/finance");
    assertThat(dir.resolve("src/main/java/com/acme/billing/GreetingController.java")).exists();
    assertThat(out.toString()).contains("Dry run: would run publish:git").contains("completed in");
  }

  @Test
  void dryRunFailsOnABadParameter() {
    Path dir = tmp.resolve("bad");
    assertThat(
            run(
                "template",
                "dry-run",
                "../templates/spring-boot-rest-service/template.yaml",
                "--out",
                dir.toString()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("parameter").contains("name");
  }

  @Test
  void dryRunNeverPrintsATokenWrittenInTheTemplate() {
    Path dir = tmp.resolve("token");
    assertThat(
            run(
                "template",
                "dry-run",
                "src/test/resources/fixtures/template/valid/publish-with-token.yaml",
                "--out",
                dir.toString()))
        .isZero();
    assertThat(out.toString())
        .contains("Dry run: would run publish:github")
        .contains("\"token\":\"***\"")
        .contains("github.com?owner=acme&repo=demo")
        .doesNotContain("ghp_literalTokenInTheTemplate");
  }
}
