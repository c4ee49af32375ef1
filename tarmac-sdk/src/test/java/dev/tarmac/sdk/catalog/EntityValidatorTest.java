package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid fixture (Backstage's example catalog and our edge cases) passes; every invalid
 * fixture fails on the field, and with the reason, that its first line names.
 */
class EntityValidatorTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/catalog");
  private static final EntityValidator VALIDATOR = EntityValidator.standard();

  static Stream<Path> validFiles() throws IOException {
    // *.oas.yaml files are API definitions that entities point at, not entities.
    return files(FIXTURES.resolve("valid"))
        .filter(p -> !p.getFileName().toString().endsWith(".oas.yaml"));
  }

  static Stream<Path> invalidFiles() throws IOException {
    return files(FIXTURES.resolve("invalid"));
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void validEntitiesPass(Path file) throws IOException {
    List<EntityDocument> docs = EntityYaml.read(file.toString(), Files.readString(file));
    assertThat(docs).isNotEmpty();
    for (EntityDocument doc : docs) {
      // The server substitutes $text/$json/$yaml before validating; stand-ins keep this offline.
      assertThat(VALIDATOR.validate(PlaceholderStubs.stub(doc.entity())))
          .as("%s line %d", file, doc.line())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void invalidEntitiesFailOnTheNamedField(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String expect = text.lines().findFirst().orElseThrow();
    assertThat(expect).startsWith("# expect: ");
    String[] parts = expect.substring("# expect: ".length()).split(" ", 2);
    String field = parts[0];
    String message = parts.length > 1 ? parts[1].trim() : "";
    List<EntityDocument> docs = EntityYaml.read(file.toString(), text);
    assertThat(docs).hasSize(1);
    List<ValidationProblem> problems = VALIDATOR.validate(docs.get(0).entity());
    assertThat(problems)
        .as("problems of %s", file.getFileName())
        .anySatisfy(
            p -> {
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
    assertThat(problems.stream().map(ValidationProblem::field))
        .as("each field is reported once in %s", file.getFileName())
        .doesNotHaveDuplicates();
  }

  private static Stream<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }
}
