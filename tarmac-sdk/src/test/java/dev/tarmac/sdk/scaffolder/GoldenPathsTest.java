package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.sdk.scaffolder.actions.SimpleAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each shipped golden path renders a complete repository (server actions stubbed). */
class GoldenPathsTest {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"spring-boot-rest-service", "event-driven-service", "scheduled-job"})
  void rendersACompleteRepository(String name) throws Exception {
    Path dir = Path.of("../templates").resolve(name);
    List<Action> actions = new ArrayList<>(TaskRunner.builtinActions());
    for (String id : List.of("publish:git", "catalog:register")) {
      actions.add(
          new SimpleAction(
              id, "stub", "{\"type\":\"object\"}", "{\"type\":\"object\"}", List.of(), ctx -> {}));
    }
    RunResult result =
        new TaskRunner(actions, new Expressions())
            .run(
                new RunRequest(
                    TemplateDefinition.fromYaml(Files.readString(dir.resolve("template.yaml"))),
                    Values.JSON.readTree(
                        "{\"name\":\"svc-a\",\"owner\":\"group:default/team-a\",\"javaPackage\":\"com.acme.svc\","
                            + "\"repoUrl\":\"git.tarmac.local?owner=team-a&repo=svc-a\"}"),
                    Map.of(),
                    new Workspace(out),
                    LocalFileSource.of(dir),
                    "t",
                    "user:default/guest",
                    null,
                    "template:default/" + name,
                    true,
                    () -> false),
                RunListener.NONE);
    assertThat(result.error()).isNull();
    Map<String, byte[]> files = new Workspace(out).files();
    assertThat(files)
        .containsKeys(
            "pom.xml",
            "Dockerfile",
            ".github/workflows/ci.yaml",
            "catalog-info.yaml",
            "mkdocs.yml",
            "docs/index.md",
            "src/main/java/com/acme/svc/Application.java",
            "src/test/java/com/acme/svc/ApplicationTest.java",
            "src/main/resources/application.yaml");
    String ci = new String(files.get(".github/workflows/ci.yaml"));
    assertThat(ci)
        .matches("(?s).*uses: [^\\n]+@[0-9a-f]{40}\\n.*")
        .contains("${{ secrets.REGISTRY_TOKEN }}");
    String catalogInfo = new String(files.get("catalog-info.yaml"));
    assertThat(catalogInfo)
        .contains("name: svc-a")
        .contains("owner: group:default/team-a")
        .doesNotContain("${{");
    assertThat(new String(files.get("src/main/resources/application.yaml")))
        .contains("prometheus")
        .contains("health");
  }
}
