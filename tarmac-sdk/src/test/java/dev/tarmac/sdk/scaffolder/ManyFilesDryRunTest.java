package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a 200-file skeleton in a dry run and prints the time (measured, not asserted). */
class ManyFilesDryRunTest {

  @TempDir Path out;

  @Test
  void rendersTwoHundredFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < 200; i++) {
      files.put(
          "skeleton/src/${{ values.name }}/File" + i + ".java",
          ("package ${{ values.name }};\n// ${{ values.owner | upper }}\n{% for t in values.tags %}class C"
                  + i
                  + "${{ loop.index }} {}\n{% endfor %}")
              .getBytes(StandardCharsets.UTF_8));
    }
    String yaml =
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: many}
        spec:
          parameters: {properties: {name: {type: string}}}
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: '${{ parameters.name }}', owner: team, tags: [a, b, c]}}
        """;
    TaskRunner runner = new TaskRunner(TaskRunner.builtinActions(), new Expressions());
    long start = System.nanoTime();
    RunResult result =
        runner.run(
            new RunRequest(
                TemplateDefinition.fromYaml(yaml),
                Values.JSON.readTree("{\"name\":\"demo\"}"),
                Map.of(),
                new Workspace(out),
                LocalFileSource.of(files),
                "t",
                "user:default/guest",
                null,
                "template:default/many",
                true,
                () -> false),
            RunListener.NONE);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("dry-run of 200 skeleton files: " + ms + " ms");
    assertThat(result.status()).isEqualTo("completed");
    assertThat(new Workspace(out).files()).hasSize(200).containsKey("src/demo/File199.java");
  }
}
