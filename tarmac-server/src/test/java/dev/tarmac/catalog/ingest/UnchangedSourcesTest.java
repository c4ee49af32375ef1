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
import tools.jackson.databind.JsonNode;

/**
 * A location whose sources read exactly as at its last processing is not parsed again; a changed
 * file, a failed read or changed rules make it parse in full.
 */
class UnchangedSourcesTest {

  @TempDir Path dir;
  Path file;
  JsonNode location;

  @BeforeEach
  void catalog() throws Exception {
    file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, component("payments"));
    LocationRow row = Registrations.normalise("file", file.toString(), "api");
    EmittedEntity root = Registrations.rootEntity(row);
    location = Json.parse(root.unprocessedJson());
  }

  @Test
  void sameSourcesAreNotParsedAgain() {
    EntityProcessor processor = processor(List.of("Component", "Location"));
    Processed first = processor.process(location, null);
    assertThat(first.sourcesUnchanged()).isFalse();
    assertThat(first.children())
        .extracting(EmittedEntity::entityRef)
        .containsExactly("component:default/payments");
    assertThat(first.sourceEtag()).isNotNull();

    Processed again = processor.process(location, first.sourceEtag());
    assertThat(again.sourcesUnchanged()).isTrue();
    assertThat(again.children()).isNull();
    assertThat(again.errors()).isEmpty();
    assertThat(again.sourceEtag()).isEqualTo(first.sourceEtag());
  }

  @Test
  void aChangedFileIsParsed() throws Exception {
    EntityProcessor processor = processor(List.of("Component", "Location"));
    Processed first = processor.process(location, null);
    Files.writeString(file, component("payments") + "---\n" + component("ledger"));
    Processed changed = processor.process(location, first.sourceEtag());
    assertThat(changed.sourcesUnchanged()).isFalse();
    assertThat(changed.children())
        .extracting(EmittedEntity::entityRef)
        .containsExactly("component:default/payments", "component:default/ledger");
    assertThat(changed.sourceEtag()).isNotEqualTo(first.sourceEtag());
  }

  @Test
  void aFailedReadOrChangedRulesAreNotUnchanged() throws Exception {
    Processed first = processor(List.of("Component", "Location")).process(location, null);
    // Other rules may emit other kinds from the same files.
    Processed otherRules =
        processor(List.of("Component", "API", "Location")).process(location, first.sourceEtag());
    assertThat(otherRules.sourcesUnchanged()).isFalse();
    assertThat(otherRules.children()).hasSize(1);
    Files.delete(file);
    Processed missing =
        processor(List.of("Component", "Location")).process(location, first.sourceEtag());
    assertThat(missing.sourcesUnchanged()).isFalse();
    assertThat(missing.errors()).extracting(ProcessingError::name).containsExactly("NotFoundError");
  }

  private EntityProcessor processor(List<String> allowed) {
    return TestProcessors.processor(dir, List.of(dir), Map.of(), allowed);
  }

  private static String component(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "
        + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n";
  }
}
