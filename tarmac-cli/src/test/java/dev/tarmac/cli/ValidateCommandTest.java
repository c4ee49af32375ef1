package dev.tarmac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  private static final String VALID = "src/test/resources/fixtures/valid";
  private static final String INVALID = "src/test/resources/fixtures/invalid";
  private static final String LEARN_MORE =
      " To learn more about catalog file format, visit: https://github.com/backstage/backstage/"
          + "blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TarmacCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private List<String> lines() {
    return out.toString().lines().toList();
  }

  @Test
  void aCleanFolderExitsZeroSkippingYamlThatIsNotACatalogFile() {
    assertThat(run("catalog", "validate", VALID)).isZero();
    assertThat(lines()).containsExactly("4 files, 3 entities, 0 problems");
  }

  @Test
  void printsOneLinePerProblemWithFileLineEntityAndField() {
    assertThat(run("catalog", "validate", INVALID)).isEqualTo(1);
    String info = INVALID + "/catalog-info.yaml";
    assertThat(lines())
        .containsExactly(
            INVALID
                + "/broken.yaml:4: -: -: YAML syntax error: while parsing a flow sequence;"
                + " expected ',' or ']', but got <stream end>",
            info
                + ":4: component:default/bad name: metadata.name: \"metadata.name\" is not valid;"
                + " expected a string that is sequences of [a-zA-Z0-9] separated by any of"
                + " [-_.], at most 63 characters in total but found \"Bad Name\"."
                + LEARN_MORE,
            info
                + ":18: api:default/missing-file: spec.definition: placeholder $text points at"
                + " ./nowhere.yaml, which does not exist",
            info
                + ":27: component:default/no-owner: tags.1: \"tags.1\" is not valid; expected a"
                + " string that is sequences of [a-z0-9+#:] separated by [-], at most 63"
                + " characters in total but found \"Not_OK\"."
                + LEARN_MORE,
            info
                + ":28: component:default/no-owner: spec.owner: must have required property"
                + " 'owner'",
            info + ":33: -: kind: must have required property 'kind'",
            info
                + ":45: component:default/needs-kinds: spec.dependsOn: Entity reference \"db\""
                + " had missing or empty kind (e.g. did not start with \"component:\" or"
                + " similar)",
            INVALID
                + "/duplicate.yaml:4: component:default/needs-kinds: metadata.name: duplicate of "
                + info
                + ":40",
            "3 files, 6 entities, 8 problems");
  }

  @Test
  void acceptsFilesAndFoldersTogetherAndReadsEachFileOnce() {
    assertThat(
            run(
                "catalog",
                "validate",
                VALID + "/catalog-info.yaml",
                VALID,
                VALID + "/team-b/service.yml"))
        .isZero();
    assertThat(lines()).containsExactly("4 files, 3 entities, 0 problems");
  }

  @Test
  void aMissingPathIsAProblemAndTheOtherPathsAreStillChecked() {
    assertThat(run("catalog", "validate", "does/not/exist", VALID)).isEqualTo(1);
    assertThat(lines())
        .containsExactly(
            "does/not/exist:1: -: -: no such file or folder", "4 files, 3 entities, 1 problems");
  }

  @Test
  void validatesBackstagesExampleCatalogCleanly() {
    String examples = "../tarmac-sdk/src/test/resources/fixtures/catalog/valid/backstage-examples";
    assertThat(run("catalog", "validate", examples)).isZero();
    assertThat(lines()).singleElement().asString().endsWith(" entities, 0 problems");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("catalog", "validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter");
    assertThat(run("catalog", "validate", "--no-such-option", VALID)).isEqualTo(2);
  }

  @Test
  void helpDocumentsWhichFilesAreEntitiesAndTheExitCodes() {
    assertThat(run("catalog", "validate", "--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("A document without a 'kind' key is skipped unless its file is named")
        .contains("catalog-info.yaml")
        .contains("Exit codes: 0 no problems, 1 problems found, 2 usage error.");
  }
}
