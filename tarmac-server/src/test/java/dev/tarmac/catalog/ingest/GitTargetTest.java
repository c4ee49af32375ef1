package dev.tarmac.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitTargetTest {

  @Test
  void parsesRepositoryBranchAndPath() {
    assertThat(GitTarget.parse("https://git.example.com/a/b.git#main:docs/catalog-info.yaml"))
        .isEqualTo(
            new GitTarget("https://git.example.com/a/b.git", "main", "docs/catalog-info.yaml"));
    assertThat(GitTarget.parse("file:///srv/git/b.git"))
        .isEqualTo(new GitTarget("file:///srv/git/b.git", null, "catalog-info.yaml"));
    assertThat(GitTarget.parse("file:///srv/git/b.git#dev"))
        .isEqualTo(new GitTarget("file:///srv/git/b.git", "dev", "catalog-info.yaml"));
    assertThat(GitTarget.parse("file:///srv/git/b.git#:/**/catalog-info.yaml").path())
        .isEqualTo("**/catalog-info.yaml");
  }

  @Test
  void printsBackTheSameForm() {
    String target = "https://git.example.com/a/b.git#main:all.yaml";
    assertThat(GitTarget.parse(target).toString()).isEqualTo(target);
  }
}
