package dev.tarmac.metrics.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryLocationsTest {

  @Test
  void explicitUrlWinsThenSlugsThenSourceLocation() {
    String base = "https://git.example.com/";
    assertThat(
            RepositoryLocations.of(
                Map.of("tarmac.dev/git-url", "/srv/repo", "github.com/project-slug", "a/b"), base))
        .isEqualTo("/srv/repo");
    assertThat(RepositoryLocations.of(Map.of("github.com/project-slug", "acme/shop"), base))
        .isEqualTo("https://git.example.com/acme/shop.git");
    assertThat(RepositoryLocations.of(Map.of("gitlab.com/project-slug", "acme/shop"), base))
        .isEqualTo("https://gitlab.com/acme/shop.git");
    assertThat(
            RepositoryLocations.of(
                Map.of(
                    "backstage.io/source-location", "url:https://github.com/acme/shop/tree/main/"),
                base))
        .isEqualTo("https://github.com/acme/shop");
    assertThat(RepositoryLocations.of(Map.of(), base)).isNull();
  }
}
