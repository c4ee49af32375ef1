package dev.tarmac.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URLs are files on an integration host, and the API request that reads each. */
class HostedFileTest {

  static final IntegrationsSettings INTEGRATIONS =
      new IntegrationsSettings(
          List.of(
              new IntegrationsSettings.Host("github.com", null, "ghp_x"),
              new IntegrationsSettings.Host("ghe.example.com", "", null)),
          List.of(
              new IntegrationsSettings.Host(
                  "gitlab.example.com", "https://gitlab.example.com/api/v4/", "glpat")),
          Duration.ofSeconds(1));

  @Test
  void aGithubBlobUrlIsReadThroughTheContentsApi() {
    HostedFile f =
        parse("https://github.com/acme/orders/blob/main/catalog-info.yaml").orElseThrow();
    assertThat(f.gitlab()).isFalse();
    assertThat(f.project()).isEqualTo("acme/orders");
    assertThat(f.ref()).isEqualTo("main");
    assertThat(f.path()).isEqualTo("catalog-info.yaml");
    assertThat(f.apiUri())
        .hasToString(
            "https://api.github.com/repos/acme/orders/contents/catalog-info.yaml?ref=main");
    assertThat(f.headers())
        .containsExactly(
            "Accept",
            "application/vnd.github.raw",
            "X-GitHub-Api-Version",
            "2022-11-28",
            "Authorization",
            "Bearer ghp_x");
  }

  @Test
  void githubEnterpriseUsesItsOwnApiAndPathsAreEncodedPerSegment() {
    HostedFile f =
        parse("https://ghe.example.com/acme/orders/raw/v1.2/docs/my%20api/open%20api.yaml")
            .orElseThrow();
    assertThat(f.apiUri())
        .hasToString(
            "https://ghe.example.com/api/v3/repos/acme/orders/contents/docs/my%20api/"
                + "open%20api.yaml?ref=v1.2");
    // No token configured: the request goes without one.
    assertThat(f.headers()).doesNotContain("Authorization");
  }

  @Test
  void aGitlabBlobUrlInASubgroupIsReadThroughTheRepositoryFilesApi() {
    HostedFile f =
        parse("https://gitlab.example.com/platform/payments/ledger/-/blob/main/deploy/catalog.yaml")
            .orElseThrow();
    assertThat(f.gitlab()).isTrue();
    assertThat(f.project()).isEqualTo("platform/payments/ledger");
    assertThat(f.apiUri())
        .hasToString(
            "https://gitlab.example.com/api/v4/projects/platform%2Fpayments%2Fledger"
                + "/repository/files/deploy%2Fcatalog.yaml/raw?ref=main");
    assertThat(f.headers()).containsExactly("Authorization", "Bearer glpat");
  }

  @Test
  void otherUrlsAreNotHostedFiles() {
    assertThat(parse("https://github.com/acme/orders")).isEmpty();
    assertThat(parse("https://github.com/acme/orders/tree/main/docs")).isEmpty();
    assertThat(parse("https://github.com/acme/orders/blob/main")).isEmpty();
    assertThat(parse("https://gitlab.example.com/platform/ledger/-/blob/main")).isEmpty();
    assertThat(parse("https://raw.example.com/acme/orders/blob/main/x.yaml")).isEmpty();
    assertThat(parse("https://user@github.com/acme/orders/blob/main/x.yaml")).isEmpty();
  }

  @Test
  void aRelativeTargetResolvesToASiblingBlob() {
    URI base = URI.create("https://github.com/acme/orders/blob/main/services/catalog-info.yaml");
    HostedFile f = HostedFile.parse(base.resolve("./openapi.yaml"), INTEGRATIONS).orElseThrow();
    assertThat(f.path()).isEqualTo("services/openapi.yaml");
    assertThat(f.ref()).isEqualTo("main");
  }

  @Test
  void theTokenNeverShowsInTheRecord() {
    assertThat(parse("https://github.com/acme/orders/blob/main/x.yaml").orElseThrow().toString())
        .doesNotContain("ghp_x");
  }

  private static Optional<HostedFile> parse(String url) {
    return HostedFile.parse(URI.create(url), INTEGRATIONS);
  }
}
