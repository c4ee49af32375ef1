package dev.tarmac.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Builds small git repositories with chosen commit times for tests. */
final class GitFixture {

  private GitFixture() {}

  /**
   * A repository with {@code n} commits one hour apart from {@code start}; their ids, oldest first.
   */
  static List<String> linearHistory(Path folder, int n, String start) throws Exception {
    List<String> shas = new ArrayList<>();
    try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < n; i++) {
        Files.writeString(folder.resolve("file.txt"), "version " + i);
        git.add().addFilepattern("file.txt").call();
        PersonIdent who =
            new PersonIdent(
                "Dev",
                "dev@example.com",
                Instant.parse(start).plusSeconds(3600L * i),
                ZoneOffset.UTC);
        shas.add(
            git.commit()
                .setMessage("change " + i)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call()
                .name());
      }
    }
    return shas;
  }
}
