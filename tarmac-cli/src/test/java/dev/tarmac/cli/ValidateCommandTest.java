package dev.tarmac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TarmacCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void aCleanFolderExitsZero() {
    assertThat(run("catalog", "validate", "src/test/resources/fixtures/valid")).isZero();
    assertThat(out.toString()).contains("2 files, 2 entities, 0 problems");
  }

  @Test
  void printsOneLinePerProblemWithFileLineEntityAndField() {
    assertThat(run("catalog", "validate", "src/test/resources/fixtures/invalid")).isEqualTo(1);
    String file = "src/test/resources/fixtures/invalid/catalog-info.yaml";
    assertThat(out.toString().lines())
        .contains(
            file
                + ":4: component:default/bad name: metadata.name: \"metadata.name\" is not valid;"
                + " expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.],"
                + " at most 63 characters in total but found \"Bad Name\"."
                + " To learn more about catalog file format, visit: https://github.com/backstage/"
                + "backstage/blob/master/docs/architecture-decisions/"
                + "adr002-default-catalog-file-format.md",
            file
                + ":18: api:default/missing-file: spec.definition: placeholder $text points at"
                + " ./nowhere.yaml, which does not exist",
            file
                + ":25: component:default/no-owner: spec.owner: must have required property"
                + " 'owner'")
        .anyMatch(
            l -> l.startsWith("src/test/resources/fixtures/invalid/broken.yaml:4: -: -: YAML"));
    assertThat(out.toString()).contains("2 files, 3 entities, 4 problems");
  }

  @Test
  void aMissingPathIsAProblem() {
    assertThat(run("catalog", "validate", "does/not/exist")).isEqualTo(1);
    assertThat(out.toString()).contains("no such file or folder");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("catalog", "validate")).isEqualTo(2);
  }
}
