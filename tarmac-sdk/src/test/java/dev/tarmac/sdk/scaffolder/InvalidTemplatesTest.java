package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidTemplatesTest {

  @TempDir Path out;

  static Stream<Path> invalid() throws IOException {
    return Files.list(Fixtures.ROOT.resolve("invalid")).sorted();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void failsNamingTheStepAndCause(Path dir) throws Exception {
    String expected =
        Files.readAllLines(dir.resolve("template.yaml")).get(0).replace("# expect: ", "");
    Path workspace = out.resolve("ws");
    List<String> log = new ArrayList<>();
    RunResult result = Fixtures.run(dir, workspace, false, log, Map.of());
    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.error()).contains(expected);
    assertThat(log).last().asString().contains(expected);
    assertThat(out.resolve("outside")).doesNotExist();
    assertThat(Path.of("/tmp/evil.yaml")).doesNotExist();
  }
}
