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
 * Every valid fixture (the Backstage example catalog and our edge cases) passes; every invalid
 * fixture fails on the field and with the reason its first line names.
 */
class EntityValidatorTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/catalog");
  private static final EntityValidator VALIDATOR = EntityValidator.standard();

  static Stream<Path> validFiles() throws IOException {
    return yamlFiles(FIXTURES.resolve("valid"))
        .filter(p -> !p.getFileName().toString().endsWith(".oas.yaml"));
  }

  static Stream<Path> invalidFiles() throws IOException {
    return yamlFiles(FIXTURES.resolve("invalid"));
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void validEntitiesPass(Path file) throws IOException {
    for (EntityDocument doc : EntityYaml.read(file.toString(), Files.readString(file))) {
      // $text/$json/$yaml are substituted before validation; stand-ins keep this test offline.
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
  }

  private static Stream<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }
}
