package dev.tarmac.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.shared.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file location's contents may read in turn: nested Location targets and {@code $text}
 * placeholders of a location registered at run time stay inside the roots; those of a configured
 * location stay inside its own folder or the roots.
 */
class NestedFileReadsTest {

  static final String SECRET = "password: hunter2\n";

  @TempDir Path dir;
  Path root;
  Path outside;
  Path configured;

  @BeforeEach
  void folders() throws Exception {
    root = Files.createDirectories(dir.resolve("root/catalog"));
    outside = Files.createDirectories(dir.resolve("outside"));
    configured = Files.createDirectories(dir.resolve("configured/catalog"));
    Files.writeString(outside.resolve("secret.yaml"), SECRET);
    Files.writeString(outside.resolve("other.yaml"), component("outside-component", null));
    for (Path folder : List.of(root, configured)) {
      Files.writeString(
          folder.resolve("all.yaml"),
          location("nested", "./team.yaml", "../../outside/other.yaml", outside + "/other.yaml")
              + "---\n"
              + component("reads-inside", "./openapi.yaml")
              + "---\n"
              + component("reads-outside", "../../outside/secret.yaml"));
      Files.writeString(folder.resolve("team.yaml"), component("team-component", null));
      Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.0.0\n");
    }
  }

  @Test
  void aRunTimeRegistrationsNestedReadsStayInsideTheRoots() {
    EntityProcessor processor = processor(Map.of());
    Result r = run(processor, root.resolve("all.yaml"), "api");
    assertThat(r.refs()).contains("component:default/team-component");
    assertThat(r.refs()).doesNotContain("component:default/outside-component");
    assertThat(r.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("NotAllowedError: Unable to read file:" + outside + "/other.yaml")
                    .contains("tarmac.reading.file-roots"));
    assertThat(r.errors()).filteredOn(e -> e.contains(outside + "/other.yaml")).hasSize(2);
    assertThat(r.placeholderError())
        .startsWith("NotAllowedError: Placeholder $text at spec.definition")
        .contains("tarmac.reading.file-roots")
        .doesNotContain("hunter2");
    assertThat(r.definition()).isEqualTo("openapi: 3.0.0\n");
  }

  @Test
  void aConfiguredLocationReadsItsOwnFolderButCannotClimbOut() {
    Path all = configured.resolve("all.yaml");
    EntityProcessor processor = processor(Map.of("file:" + all, all.toString()));
    Result r = run(processor, all, "config");
    assertThat(r.refs()).contains("component:default/team-component");
    assertThat(r.refs()).doesNotContain("component:default/outside-component");
    assertThat(r.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("NotAllowedError")
                    .contains("configured location file:" + all)
                    .contains("tarmac.reading.file-roots"));
    assertThat(r.placeholderError()).startsWith("NotAllowedError").doesNotContain("hunter2");
    assertThat(r.definition()).isEqualTo("openapi: 3.0.0\n");
  }

  @Test
  void theRootsExtendWhatAConfiguredLocationMayRead() {
    Path all = configured.resolve("all.yaml");
    EntityProcessor processor =
        processor(Map.of("file:" + all, all.toString()), List.of(root, outside));
    Result r = run(processor, all, "config");
    assertThat(r.refs()).contains("component:default/outside-component");
  }

  private EntityProcessor processor(Map<String, String> configuredKeys) {
    return processor(configuredKeys, List.of(root));
  }

  private EntityProcessor processor(Map<String, String> configuredKeys, List<Path> roots) {
    return TestProcessors.processor(
        dir, roots, configuredKeys, List.of("Component", "API", "Location"));
  }

  /** Processes the registration and everything it emits, as the processing loop would. */
  private static Result run(EntityProcessor processor, Path file, String origin) {
    LocationRow row = Registrations.normalise("file", file.toString(), origin);
    List<EmittedEntity> queue = new java.util.ArrayList<>(List.of(Registrations.rootEntity(row)));
    Result result = new Result();
    while (!queue.isEmpty()) {
      EmittedEntity next = queue.remove(0);
      Processed p = processor.process(Json.parse(next.unprocessedJson()));
      if (p.children() != null) {
        queue.addAll(p.children());
      }
      p.allErrors().forEach(e -> result.errors.add(e.name() + ": " + e.message()));
      if (!p.failed()) {
        result.entities.put(next.entityRef(), p.entity());
      }
    }
    return result;
  }

  private static final class Result {
    final Map<String, tools.jackson.databind.JsonNode> entities = new java.util.LinkedHashMap<>();
    final List<String> errors = new java.util.ArrayList<>();

    List<String> refs() {
      return List.copyOf(entities.keySet());
    }

    List<String> errors() {
      return errors;
    }

    String placeholderError() {
      return errors.stream().filter(e -> e.contains("Placeholder")).findFirst().orElse("");
    }

    String definition() {
      return entities
          .get("api:default/reads-inside")
          .path("spec")
          .path("definition")
          .asString(null);
    }
  }

  private static String location(String name, String... targets) {
    StringBuilder out =
        new StringBuilder(
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: "
                + name
                + "\nspec:\n  type: file\n  targets:\n");
    for (String t : targets) {
      out.append("    - ").append(t).append('\n');
    }
    return out.toString();
  }

  /** A Component, or an API whose definition is read from {@code definition} when given. */
  private static String component(String name, String definition) {
    if (definition == null) {
      return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "
          + name
          + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n";
    }
    return "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: "
        + name
        + "\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-x\n"
        + "  definition:\n    $text: "
        + definition
        + "\n";
  }
}
