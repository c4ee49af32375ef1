package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture highlights without loss; the valid ones use every kind their language has. */
class HighlighterFixturesTest {

  static final Path DIR = Path.of("src/test/resources/fixtures/highlight");
  static final Map<String, String> LANGUAGE =
      Map.of("yaml", "yaml", "json", "json", "graphql", "graphql", "proto", "proto");

  static Stream<Path> valid() throws IOException {
    return files("valid");
  }

  static Stream<Path> invalid() throws IOException {
    return files("invalid");
  }

  static Stream<Path> files(String folder) throws IOException {
    return Files.list(DIR.resolve(folder)).sorted();
  }

  static HighlightedCode highlight(Path file) throws IOException {
    String name = file.getFileName().toString();
    return Highlighter.highlight(
        LANGUAGE.get(name.substring(name.lastIndexOf('.') + 1)), Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validDefinitionsRoundTripAndUseEveryKind(Path file) throws IOException {
    String source = Files.readString(file);
    HighlightedCode code = highlight(file);
    HighlighterTest.assertSafe(code);
    assertThat(HighlighterTest.text(code) + "\n").isEqualTo(source);
    Set<TokenKind> used = EnumSet.noneOf(TokenKind.class);
    for (TokenKind k : TokenKind.values()) {
      if (code.lines().stream().anyMatch(l -> l.contains("class=\"" + k.cssClass() + "\""))) {
        used.add(k);
      }
    }
    Set<TokenKind> expected = EnumSet.allOf(TokenKind.class);
    if (code.language().equals("json")) {
      expected.remove(TokenKind.COMMENT); // JSON has none
    }
    assertThat(used).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void brokenDefinitionsStillRoundTripEscaped(Path file) throws IOException {
    String source = Files.readString(file);
    HighlightedCode code = highlight(file);
    HighlighterTest.assertSafe(code);
    assertThat(HighlighterTest.text(code) + "\n").isEqualTo(source);
    assertThat(code.lines()).hasSize((int) source.lines().count());
  }
}
