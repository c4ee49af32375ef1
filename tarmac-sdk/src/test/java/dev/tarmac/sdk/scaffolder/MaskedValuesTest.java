package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values a runner is told to mask (tokens from settings) never reach a log line or an error. */
class MaskedValuesTest {

  @TempDir Path out;

  @Test
  void settingsTokensAreMaskedLikeSecrets() {
    String yaml =
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: masked}
        spec:
          steps:
            - id: say
              action: debug:log
              input: {message: 'token ghp_settings_token and secret ${{ secrets.mine }}'}
            - id: fail
              action: fs:rename
              input: {files: [{from: ghp_settings_token.txt, to: b.txt}]}
        """;
    TaskRunner runner =
        new TaskRunner(
            TaskRunner.builtinActions(), new Expressions(), List.of("ghp_settings_token"));
    List<String> log = new ArrayList<>();
    RunResult result =
        runner.run(
            new RunRequest(
                TemplateDefinition.fromYaml(yaml),
                Values.JSON.createObjectNode(),
                Map.of("mine", "task-secret-value"),
                new Workspace(out),
                LocalFileSource.of(Map.of()),
                "t",
                "user:default/guest",
                null,
                "template:default/masked",
                false,
                () -> false),
            new RunListener() {
              @Override
              public void log(String stepId, String message) {
                log.add(message);
              }

              @Override
              public void step(String stepId, String status) {}
            });
    assertThat(result.status()).isEqualTo("failed");
    assertThat(log).contains("token *** and secret ***");
    assertThat(result.error()).contains("there is no file '***.txt'");
    assertThat(String.join("\n", log) + result.error())
        .doesNotContain("ghp_settings_token")
        .doesNotContain("task-secret-value");
  }
}
