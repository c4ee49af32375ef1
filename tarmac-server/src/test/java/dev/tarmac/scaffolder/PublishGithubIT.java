package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import dev.tarmac.support.FakeGitHost;
import dev.tarmac.support.FakeGitHubApi;
import dev.tarmac.support.TarmacTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code publish:github} against a local server that follows GitHub's REST API and serves git
 * smart-HTTP: repository creation for a user and an organisation, the pushed contents, a name that
 * exists, a refused push that deletes the created repository, and the token kept out of the log.
 */
@TarmacTest
class PublishGithubIT {

  static final String TOKEN = "ghp_fakeGithubToken0123456789";
  static FakeGitHost github;

  @Autowired Catalog catalog;
  @Autowired TarmacSettings tarmac;
  @Autowired ScaffolderSettings settings;
  @Autowired UrlReader reader;
  PublishRuns runs;

  @BeforeAll
  static void host() throws Exception {
    Path root = Path.of("target/it-data/fake-github-" + UUID.randomUUID()).toAbsolutePath();
    github =
        new FakeGitHost(
            root,
            TOKEN,
            "x-access-token",
            "/api/v3",
            new FakeGitHubApi(
                "octo", Map.of("octo", "User", "acme", "Organization", "ada", "User")));
  }

  @AfterAll
  static void stop() throws Exception {
    github.close();
  }

  @BeforeEach
  void engine() {
    github.requests.clear();
    github.refusePushes = false;
    runs =
        new PublishRuns(
            catalog,
            tarmac,
            settings,
            reader,
            new IntegrationsSettings(
                List.of(
                    new IntegrationsSettings.Host("github.test", github.url() + "/api/v3", TOKEN)),
                List.of(),
                Duration.ofSeconds(10)));
  }

  static String template(String publishInput) {
    return """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: to-github}
        spec:
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: orders, owner: team-a}}
            - id: leak
              action: debug:log
              input: {message: 'a careless template logs %s'}
            - id: publish
              name: Publish
              action: publish:github
              input: %s
          output:
            remoteUrl: ${{ steps.publish.output.remoteUrl }}
            repoContentsUrl: ${{ steps.publish.output.repoContentsUrl }}
            commitHash: ${{ steps.publish.output.commitHash }}
        """
        .formatted(TOKEN, publishInput);
  }

  @Test
  void createsAUserRepositoryAndPushesTheRenderedFiles() throws Exception {
    PublishRuns.Run run =
        runs.run(
            template(
                """
                {repoUrl: 'github.test?owner=octo&repo=orders', description: Orders service,
                 repoVisibility: public, defaultBranch: main, gitCommitMessage: Create orders,
                 gitAuthorName: Ada Lovelace, gitAuthorEmail: ada@example.com,
                 protectDefaultBranch: true}"""),
            false,
            Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    assertThat(github.calls())
        .containsExactly("GET /api/v3/users/octo", "GET /api/v3/user", "POST /api/v3/user/repos");
    assertThat(github.requests).allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization()));
    assertThat(github.requests).allMatch(r -> "application/vnd.github+json".equals(r.accept()));
    JsonNode body = github.requests.get(2).body();
    assertThat(body.path("name").asString()).isEqualTo("orders");
    assertThat(body.path("private").asBoolean()).isFalse();
    assertThat(body.path("description").asString()).isEqualTo("Orders service");
    RevCommit head = head(github.bare("octo/orders"), "main");
    assertThat(head.getFullMessage()).isEqualTo("Create orders");
    assertThat(head.getAuthorIdent().getName()).isEqualTo("Ada Lovelace");
    assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("ada@example.com");
    assertThat(files(github.bare("octo/orders"), head))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "README.md",
                "# orders\n\nOwned by team-a.\n",
                "catalog-info.yaml",
                "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: orders}\n"
                    + "spec: {type: service, lifecycle: experimental, owner: team-a}\n"));
    JsonNode out = run.result().output();
    assertThat(out.path("remoteUrl").asString()).isEqualTo(github.url() + "/octo/orders.git");
    assertThat(out.path("repoContentsUrl").asString())
        .isEqualTo(github.url() + "/octo/orders/blob/main");
    assertThat(out.path("commitHash").asString()).isEqualTo(head.getName());
    assertThat(run.text())
        .contains("Ignoring input protectDefaultBranch")
        .contains("a careless template logs ***")
        .doesNotContain(TOKEN);
  }

  @Test
  void createsAnOrganisationRepositoryWithItsVisibility() throws Exception {
    PublishRuns.Run run =
        runs.run(
            template("{repoUrl: 'github.test?owner=acme&repo=billing', repoVisibility: internal}"),
            false,
            Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    assertThat(github.calls())
        .containsExactly("GET /api/v3/users/acme", "POST /api/v3/orgs/acme/repos");
    JsonNode body = github.requests.get(1).body();
    assertThat(body.path("visibility").asString()).isEqualTo("internal");
    assertThat(body.path("private").asBoolean()).isTrue();
    RevCommit head = head(github.bare("acme/billing"), "master");
    assertThat(head.getFullMessage()).isEqualTo("initial commit");
    assertThat(run.result().output().path("repoContentsUrl").asString())
        .isEqualTo(github.url() + "/acme/billing/blob/master");
  }

  @Test
  void aNameThatExistsFailsTheStepWithGithubsMessage() throws Exception {
    github.create("octo/taken");
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'github.test?owner=octo&repo=taken'}"), false, Map.of());
    assertThat(run.result().status()).isEqualTo("failed");
    assertThat(run.result().error())
        .contains("Step 'publish'")
        .contains("GitHub refused to create octo/taken")
        .contains("name already exists on this account")
        .contains("HTTP 422");
    assertThat(github.calls()).doesNotContain("DELETE /api/v3/repos/octo/taken");
    assertThat(github.bare("octo/taken")).isDirectory();
  }

  @Test
  void aRefusedPushDeletesTheCreatedRepository() throws Exception {
    github.refusePushes = true;
    PublishRuns.Run run =
        runs.run(
            template("{repoUrl: 'github.test?owner=octo&repo=refused', defaultBranch: main}"),
            false,
            Map.of());
    assertThat(run.result().status()).isEqualTo("failed");
    assertThat(run.result().error())
        .contains("Step 'publish'")
        .contains("the remote refused the push of refs/heads/main")
        .contains("protected by test policy")
        .contains("octo/refused created for it was deleted again");
    assertThat(github.calls()).endsWith("DELETE /api/v3/repos/octo/refused");
    assertThat(github.bare("octo/refused")).doesNotExist();
    assertThat(run.text()).doesNotContain(TOKEN);
  }

  @Test
  void aStepTokenWinsOverTheConfiguredOneAndABadOneFailsWithGithubsMessage() throws Exception {
    PublishRuns.Run run =
        runs.run(
            template("{repoUrl: 'github.test?owner=octo&repo=wrong', token: '${{ secrets.gh }}'}"),
            false,
            Map.of("gh", "ghp_wrongToken987"));
    assertThat(run.result().status()).isEqualTo("failed");
    assertThat(run.result().error())
        .contains("GitHub could not look up owner 'octo': Bad credentials (HTTP 401)");
    assertThat(github.requests).allMatch(r -> "Bearer ghp_wrongToken987".equals(r.authorization()));
    assertThat(run.text()).doesNotContain("ghp_wrongToken987").doesNotContain(TOKEN);
  }

  @Test
  void anotherUsersNameIsRefusedBeforeAnythingIsCreated() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'github.test?owner=ada&repo=x'}"), false, Map.of());
    assertThat(run.result().error())
        .contains("'ada' is a GitHub user other than the token's (octo)");
    assertThat(github.calls()).containsExactly("GET /api/v3/users/ada", "GET /api/v3/user");
  }

  @Test
  void anUnconfiguredHostFailsNamingItAndCallsNothing() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'github.com?owner=octo&repo=orders'}"), false, Map.of());
    assertThat(run.result().error())
        .contains("host 'github.com' is not configured for publish:github")
        .contains("tarmac.integrations.github")
        .contains("github.test");
    assertThat(github.requests).isEmpty();
  }

  @Test
  void aDryRunReportsWhatItWouldDoWithoutCallingGithub() throws Exception {
    PublishRuns.Run run =
        runs.run(template("{repoUrl: 'github.test?owner=octo&repo=dry'}"), true, Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    assertThat(run.text())
        .contains(
            "Dry run: would create the private GitHub repository octo/dry through "
                + github.url()
                + "/api/v3");
    assertThat(run.result().output().path("repoContentsUrl").asString())
        .isEqualTo("https://github.test/octo/dry/blob/master");
    assertThat(github.requests).isEmpty();
    assertThat(github.bare("octo/dry")).doesNotExist();
  }

  static RevCommit head(Path bare, String branch) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId id = repo.resolve("refs/heads/" + branch);
      assertThat(id).as("branch " + branch + " in " + bare).isNotNull();
      return walk.parseCommit(id);
    }
  }

  static Map<String, String> files(Path bare, RevCommit commit) throws Exception {
    Map<String, String> out = new java.util.TreeMap<>();
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        out.put(
            walk.getPathString(),
            new String(
                repo.open(walk.getObjectId(0)).getBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertThat(Files.exists(bare)).isTrue();
    return out;
  }
}
