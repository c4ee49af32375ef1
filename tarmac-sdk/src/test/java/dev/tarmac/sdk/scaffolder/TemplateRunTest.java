package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRunTest {

  @TempDir Path out;

  static void bless(Path out, Path expected) throws Exception {
    if (System.getenv("BLESS") != null) {
      for (var e : new Workspace(out).files().entrySet()) {
        Path p = expected.resolve(e.getKey());
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.write(p, e.getValue());
      }
    }
  }

  @Test
  void featureTourRendersTheExpectedTree() throws Exception {
    Path dir = Fixtures.ROOT.resolve("valid/service");
    List<String> log = new ArrayList<>();
    RunResult result = Fixtures.run(dir, out, true, log, Map.of("TOKEN", "s3cr3t-value"));
    System.out.println(String.join("\n", log));
    System.out.println(result);
    assertThat(result.error()).isNull();
    assertThat(result.status()).isEqualTo("completed");
    bless(out, dir.resolve("expected"));
    assertThat(Fixtures.tree(out)).isEqualTo(Fixtures.tree(dir.resolve("expected")));
  }
}
