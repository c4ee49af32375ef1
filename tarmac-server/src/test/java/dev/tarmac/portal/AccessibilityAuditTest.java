package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit PortalAccessibilityIT relies on finds what each invalid page names, and no more. */
class AccessibilityAuditTest {

  static final Path DIR = Path.of("src/test/resources/fixtures/a11y");

  static Stream<Path> valid() throws IOException {
    return Files.list(DIR.resolve("valid")).sorted();
  }

  static Stream<Path> invalid() throws IOException {
    return Files.list(DIR.resolve("invalid")).sorted();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void aPageThatKeepsTheRulesHasNoProblems(Path file) throws IOException {
    assertThat(AccessibilityAudit.problems(Jsoup.parse(Files.readString(file)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void eachBrokenRuleIsReported(Path file) throws IOException {
    String html = Files.readString(file);
    String first = html.lines().findFirst().orElseThrow();
    String expected =
        first.substring("<!-- expected: ".length(), first.length() - " -->".length()).strip();
    assertThat(AccessibilityAudit.problems(Jsoup.parse(html)))
        .as(file.getFileName().toString())
        .anyMatch(p -> p.startsWith(expected));
  }
}
