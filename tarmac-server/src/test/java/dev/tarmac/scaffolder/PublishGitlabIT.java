package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import dev.tarmac.support.FakeGitHost;
import dev.tarmac.support.FakeGitLabApi;
import dev.tarmac.support.TarmacTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code publish:gitlab} against a local server that follows GitLab's REST API v4 and serves git
 * smart-HTTP: namespace lookup, project creation, the pushed contents, a taken name, a refused push
 * that deletes the created project, and the token kept out of the log.
 */
@TarmacTest
class PublishGitlabIT {

  static final String TOKEN = "glpat-fakeGitlabToken0123";
  static FakeGitHost gitlab;

  @Autowired Catalog catalog;
  @Autowired TarmacSettings tarmac;
  @Autowired ScaffolderSettings settings;
  @Autowired UrlReader reader;
  PublishRuns runs;

  @BeforeAll
  static void host() throws Exception {
    Path root = Path.of("target/it-data/fake-gitlab-" + UUID.randomUUID()).toAbsolutePath();
    gitlab =
        new FakeGitHost(
            root,
            TOKEN,
            "oauth2",
            "/api/v4",
            new FakeGitLabApi(Map.of("platform", 41L, "platform/payments", 42L)));
  }

  @AfterAll
  static void stop() throws Exception {
    gitlab.close();
  }

  @BeforeEach
  void engine() {
    gitlab.requests.clear();
    gitlab.refusePushes = false;
    // RepoUrlPicker names the logical host gitlab.test; its apiBaseUrl points at the fake.
    runs =
        new PublishRuns(
            catalog,
            tarmac,
            settings,
            reader,
            new IntegrationsSettings(
                List.of(),
                List.of(
                    new IntegrationsSettings.Host("gitlab.test", gitlab.url() + "/api/v4", TOKEN)),
                Duration.ofSeconds(10)));
  }

  static String template(String publishInput) {
    return """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: to-gitlab}
        spec:
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: ledger, owner: payments}}
            - id: publish
              name: Publish
              action: publish:gitlab
              input: %s
          output:
            remoteUrl: ${{ steps.publish.output.remoteUrl }}
            repoContentsUrl: ${{ steps.publish.output.repoContentsUrl }}
            commitHash: ${{ steps.publish.output.commitHash }}
            projectId: ${{ steps.publish.output.projectId }}
        """
        .formatted(publishInput);
  }

  @Test
  void createsAProjectInASubgroupAndPushesTheRenderedFiles() throws Exception {
    PublishRuns.Run run =
        runs.run(
            template(
                """
                {repoUrl: 'gitlab.test?owner=platform/payments&repo=ledger', repoVisibility: internal,
                 description: The ledger, defaultBranch: main, gitCommitMessage: Create ledger,
                 gitAuthorName: Grace Hopper, gitAuthorEmail: grace@example.com}"""),
            false,
            Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    assertThat(gitlab.calls())
        .containsExactly("GET /api/v4/namespaces/platform%2Fpayments", "POST /api/v4/projects");
    assertThat(gitlab.requests).allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization()));
    JsonNode body = gitlab.requests.get(1).body();
    assertThat(body.path("name").asString()).isEqualTo("ledger");
    assertThat(body.path("namespace_id").asLong()).isEqualTo(42L);
    assertThat(body.path("visibility").asString()).isEqualTo("internal");
    assertThat(body.path("description").asString()).isEqualTo("The ledger");
    RevCommit head = PublishGithubIT.head(gitlab.bare("platform/payments/ledger"), "main");
    assertThat(head.getFullMessage()).isEqualTo("Create ledger");
    assertThat(head.getAuthorIdent().getName()).isEqualTo("Grace Hopper");
    assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("grace@example.com");
    assertThat(PublishGithubIT.files(gitlab.bare("platform/payments/ledger"), head))
        .containsEntry("README.md", "# ledger\n\nOwned by payments.\n")
        .containsKey("catalog-info.yaml")
        .hasSize(2);
    JsonNode out = run.result().output();
    String web = gitlab.url() + "/platform/payments/ledger";
    assertThat(out.path("remoteUrl").asString()).isEqualTo(web);
    assertThat(out.path("repoContentsUrl").asString()).isEqualTo(web + "/-/blob/main");
    assertThat(out.path("commitHash").asString()).isEqualTo(head.getName());
    assertThat(out.path("projectId").isNumber()).isTrue();
    assertThat(run.text()).contains("Created the internal GitLab project").doesNotContain(TOKEN);
  }

  @Test
  void aTakenNameFailsTheStepWithGitlabsMessage() throws Exception {
    gitlab.create("platform/taken");
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'gitlab.test?owner=platform&repo=taken'}"), false, Map.of());
    assertThat(run.result().status()).isEqualTo("failed");
    assertThat(run.result().error())
        .contains("Step 'publish'")
        .contains("GitLab refused to create platform/taken")
        .contains("name has already been taken")
        .contains("HTTP 400");
    assertThat(gitlab.calls()).noneMatch(c -> c.startsWith("DELETE"));
    assertThat(gitlab.bare("platform/taken")).isDirectory();
  }

  @Test
  void aRefusedPushDeletesTheCreatedProject() throws Exception {
    gitlab.refusePushes = true;
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'gitlab.test?owner=platform&repo=refused'}"), false, Map.of());
    assertThat(run.result().status()).isEqualTo("failed");
    assertThat(run.result().error())
        .contains("Step 'publish'")
        .contains("the remote refused the push of refs/heads/master")
        .contains("protected by test policy")
        .contains("platform/refused created for it was deleted again");
    List<String> calls = gitlab.calls();
    assertThat(calls.get(calls.size() - 1)).matches("DELETE /api/v4/projects/\\d+");
    assertThat(gitlab.bare("platform/refused")).doesNotExist();
    assertThat(run.text()).doesNotContain(TOKEN);
  }

  @Test
  void anUnknownNamespaceFailsBeforeAnythingIsCreated() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'gitlab.test?owner=nobody&repo=x'}"), false, Map.of());
    assertThat(run.result().error()).contains("GitLab has no namespace 'nobody'");
    assertThat(gitlab.calls()).containsExactly("GET /api/v4/namespaces/nobody");
  }

  @Test
  void anUnconfiguredHostFailsNamingIt() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'gitlab.com?owner=platform&repo=x'}"), false, Map.of());
    assertThat(run.result().error())
        .contains("host 'gitlab.com' is not configured for publish:gitlab")
        .contains("configured: [gitlab.test]");
    assertThat(gitlab.requests).isEmpty();
  }

  @Test
  void aDryRunReportsWhatItWouldDoWithoutCallingGitlab() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'gitlab.test?owner=platform&repo=dry'}"), true, Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    assertThat(run.text())
        .contains("Dry run: would create the private GitLab project platform/dry");
    assertThat(run.result().output().path("remoteUrl").asString())
        .isEqualTo("https://gitlab.test/platform/dry");
    assertThat(gitlab.requests).isEmpty();
  }
}
