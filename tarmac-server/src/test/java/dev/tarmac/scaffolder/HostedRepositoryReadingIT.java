package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.ingest.FileRoots;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.FakeGitHost;
import dev.tarmac.support.FakeGitHubApi;
import dev.tarmac.support.FakeGitLabApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Blob URLs on the hosts of {@code tarmac.integrations} are read through the host's REST API with
 * its token, against local servers that follow GitHub's and GitLab's APIs: the scaffolder's {@code
 * catalog:register} of what {@code publish:github} / {@code publish:gitlab} pushed, relative
 * targets and placeholders, a missing file, a refused token, ETags. {@code tarmac.reading.allow} is
 * empty: the integration hosts are allowed by being configured. Its own context, since the fake
 * hosts' ports are only known at run time; it leaves {@code tarmac.reading.file-roots} unset, so it
 * also checks that default (the data folder).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tarmac-hosted-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "tarmac.data-dir=target/it-data-hosted",
      "tarmac.demo=false",
      "tarmac.catalog.poll-interval=50ms",
      "tarmac.catalog.rules[0].allow=Component,API,Location"
    })
@DirtiesContext
class HostedRepositoryReadingIT {

  static final String GITHUB_TOKEN = "ghp_readingToken0123456789";
  static final String GITLAB_TOKEN = "glpat-readingToken0123";
  static final String WRONG_TOKEN = "ghp_notTheRightOne42";
  static FakeGitHost github;
  static FakeGitLabApi gitlabApi;
  static FakeGitHubApi githubApi;
  static FakeGitHost gitlab;

  @Autowired Catalog catalog;
  @Autowired TarmacSettings tarmac;
  @Autowired ScaffolderSettings settings;
  @Autowired IntegrationsSettings integrations;
  @Autowired UrlReader reader;
  @Autowired Environment env;
  @Autowired FileRoots roots;
  Api api;

  @DynamicPropertySource
  static void hosts(DynamicPropertyRegistry registry) throws Exception {
    Path root = Path.of("target/it-data/hosted-" + UUID.randomUUID()).toAbsolutePath();
    githubApi = new FakeGitHubApi("octo", Map.of("octo", "User"));
    github =
        new FakeGitHost(
            root.resolve("github"), GITHUB_TOKEN, "x-access-token", "/api/v3", githubApi);
    gitlabApi = new FakeGitLabApi(Map.of("platform", 41L));
    gitlab = new FakeGitHost(root.resolve("gitlab"), GITLAB_TOKEN, "oauth2", "/api/v4", gitlabApi);
    registry.add("tarmac.integrations.github[0].host", () -> authority(github));
    registry.add("tarmac.integrations.github[0].api-base-url", () -> github.url() + "/api/v3");
    registry.add("tarmac.integrations.github[0].token", () -> GITHUB_TOKEN);
    // The same server under another name, with a token it refuses.
    registry.add(
        "tarmac.integrations.github[1].host",
        () -> "localhost:" + URI.create(github.url()).getPort());
    registry.add("tarmac.integrations.github[1].api-base-url", () -> github.url() + "/api/v3");
    registry.add("tarmac.integrations.github[1].token", () -> WRONG_TOKEN);
    registry.add("tarmac.integrations.gitlab[0].host", () -> authority(gitlab));
    registry.add("tarmac.integrations.gitlab[0].api-base-url", () -> gitlab.url() + "/api/v4");
    registry.add("tarmac.integrations.gitlab[0].token", () -> GITLAB_TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    github.close();
    gitlab.close();
  }

  @BeforeEach
  void api() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    githubApi.ignoreRawMediaType = false;
  }

  @Test
  void catalogRegisterReadsWhatPublishGithubPushed() throws Exception {
    PublishRuns.Run run =
        runs()
            .run(
                template(
                    "publish:github",
                    "{repoUrl: '"
                        + authority(github)
                        + "?owner=octo&repo=hosted-orders',"
                        + " defaultBranch: main}",
                    "hosted-orders"),
                false,
                Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    String blob = github.url() + "/octo/hosted-orders/blob/main/catalog-info.yaml";
    assertThat(run.result().output().path("catalogInfoUrl").asString()).isEqualTo(blob);
    assertThat(run.result().output().path("entityRef").asString())
        .isEqualTo("component:default/hosted-orders");
    JsonNode entity = await("component", "hosted-orders");
    assertThat(annotation(entity, "backstage.io/managed-by-location")).isEqualTo("url:" + blob);
    assertThat(github.requests)
        .filteredOn(
            r -> r.path().equals("/api/v3/repos/octo/hosted-orders/contents/catalog-info.yaml"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.authorization()).isEqualTo("Bearer " + GITHUB_TOKEN);
              assertThat(r.accept()).isEqualTo("application/vnd.github.raw");
            });
    assertThat(run.text()).doesNotContain(GITHUB_TOKEN);
  }

  @Test
  void catalogRegisterReadsWhatPublishGitlabPushed() throws Exception {
    PublishRuns.Run run =
        runs()
            .run(
                template(
                    "publish:gitlab",
                    "{repoUrl: '"
                        + authority(gitlab)
                        + "?owner=platform&repo=hosted-payments',"
                        + " defaultBranch: main}",
                    "hosted-payments"),
                false,
                Map.of());
    assertThat(run.result().status()).as(run.text()).isEqualTo("completed");
    String blob = gitlab.url() + "/platform/hosted-payments/-/blob/main/catalog-info.yaml";
    assertThat(run.result().output().path("catalogInfoUrl").asString()).isEqualTo(blob);
    JsonNode entity = await("component", "hosted-payments");
    assertThat(annotation(entity, "backstage.io/managed-by-location")).isEqualTo("url:" + blob);
    assertThat(gitlab.requests)
        .filteredOn(
            r ->
                r.path()
                    .equals(
                        "/api/v4/projects/platform%2Fhosted-payments/repository/files/"
                            + "catalog-info.yaml/raw"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + GITLAB_TOKEN));
  }

  @Test
  void relativeTargetsAndPlaceholdersResolveAgainstTheBlobUrl() throws Exception {
    github.commit(
        "octo/monorepo",
        "main",
        Map.of(
            "catalog-info.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: monorepo}
            spec:
              targets: [./services/billing.yaml]
            """,
            "services/billing.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: mono-billing}
            spec: {type: service, lifecycle: production, owner: team-a}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: mono-billing-api}
            spec:
              type: openapi
              lifecycle: production
              owner: team-a
              definition: {$text: ./openapi.yaml}
            """,
            "services/openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: Billing, version: '1'}\n"));
    register(github.url() + "/octo/monorepo/blob/main/catalog-info.yaml");
    JsonNode component = await("component", "mono-billing");
    assertThat(annotation(component, "backstage.io/managed-by-location"))
        .isEqualTo("url:" + github.url() + "/octo/monorepo/blob/main/services/billing.yaml");
    JsonNode definedApi = await("api", "mono-billing-api");
    assertThat(definedApi.path("spec").path("definition").asString())
        .isEqualTo("openapi: 3.0.0\ninfo: {title: Billing, version: '1'}\n");
    assertThat(github.calls())
        .contains("GET /api/v3/repos/octo/monorepo/contents/services/openapi.yaml");
  }

  @Test
  void aMissingFileIsANotFoundErrorNamingTheUrl() throws Exception {
    github.commit("octo/sparse", "main", Map.of("README.md", "# sparse\n"));
    String blob = github.url() + "/octo/sparse/blob/main/catalog-info.yaml";
    String id = register(blob);
    String errors = awaitErrors(id);
    assertThat(errors).contains("NotFoundError").contains("Not found: " + blob);
  }

  @Test
  void aRefusedTokenIsReportedNamingTheHostNeverTheToken() throws Exception {
    github.commit("octo/guarded", "main", Map.of("catalog-info.yaml", component("guarded")));
    int port = URI.create(github.url()).getPort();
    String blob = "http://localhost:" + port + "/octo/guarded/blob/main/catalog-info.yaml";
    String id = register(blob);
    String errors = awaitErrors(id);
    assertThat(errors)
        .contains(
            "The GitHub host localhost:"
                + port
                + " refused the token configured in"
                + " tarmac.integrations.github (HTTP 401)")
        .doesNotContain(WRONG_TOKEN);
    assertThat(catalog.entity(new EntityRef("component", "default", "guarded"))).isEmpty();
  }

  @Test
  void unchangedFilesAnswerNotModifiedToTheirEtag() throws Exception {
    github.commit("octo/etag", "main", Map.of("catalog-info.yaml", component("etag-gh")));
    URI gh = URI.create(github.url() + "/octo/etag/blob/main/catalog-info.yaml");
    UrlReader.UrlContent first = reader.read(gh, null);
    assertThat(first.text()).isEqualTo(component("etag-gh"));
    assertThat(first.etag()).isNotBlank();
    assertThat(reader.read(gh, first.etag())).isNull();
    github.commit("octo/etag", "main", Map.of("catalog-info.yaml", component("etag-gh-2")));
    assertThat(reader.read(gh, first.etag()).text()).isEqualTo(component("etag-gh-2"));

    gitlab.commit("platform/etag", "main", Map.of("catalog-info.yaml", component("etag-gl")));
    URI gl = URI.create(gitlab.url() + "/platform/etag/-/blob/main/catalog-info.yaml");
    UrlReader.UrlContent lab = reader.read(gl, null);
    assertThat(lab.text()).isEqualTo(component("etag-gl"));
    assertThat(reader.read(gl, lab.etag())).isNull();
  }

  @Test
  void aRefreshedUrlLocationAsksWithItsEtagAndDownloadsOnlyAChangedFile() throws Exception {
    github.commit("octo/cached", "main", Map.of("catalog-info.yaml", component("cached-gh")));
    register(github.url() + "/octo/cached/blob/main/catalog-info.yaml");
    await("component", "cached-gh");
    int answered = github.notModified.get();
    long counted = reader.notModifiedCount();
    refresh("component:default/cached-gh");
    // The fake counts the 304 as it answers, the reader once it has read the answer: wait for both.
    Await.until(
        "the location to be read again, answered 304 and counted by the reader",
        Duration.ofSeconds(30),
        () -> github.notModified.get() > answered && reader.notModifiedCount() > counted);
    assertThat(await("component", "cached-gh").path("metadata").path("annotations").size())
        .isPositive();

    // A changed file answers 200 with a new ETag and is parsed again.
    github.commit("octo/cached", "main", Map.of("catalog-info.yaml", component("cached-gh-2")));
    refresh("component:default/cached-gh");
    await("component", "cached-gh-2");
    assertThat(api.get("/actuator/prometheus").body())
        .containsPattern("(?m)^tarmac_reading_not_modified_total(\\{[^}]*\\})? [1-9]");
  }

  private void refresh(String ref) {
    assertThat(api.post("/api/catalog/refresh", "{\"entityRef\":\"" + ref + "\"}").status())
        .isEqualTo(200);
  }

  @Test
  void githubsBase64JsonIsDecodedWhenTheRawMediaTypeIsIgnored() throws Exception {
    github.commit("octo/json", "main", Map.of("dir/catalog-info.yaml", component("json-gh")));
    githubApi.ignoreRawMediaType = true;
    URI gh = URI.create(github.url() + "/octo/json/blob/main/dir/catalog-info.yaml");
    assertThat(reader.read(gh, null).text()).isEqualTo(component("json-gh"));
  }

  @Test
  void integrationHostsAreAllowedAndOtherHostsAreNot() {
    assertThat(reader.allowed(URI.create(github.url() + "/octo/x"))).isTrue();
    assertThat(reader.allowed(URI.create(gitlab.url() + "/platform/x"))).isTrue();
    assertThat(reader.allowed(URI.create("http://127.0.0.1:1/x.yaml"))).isFalse();
  }

  @Test
  void withoutFileRootsOnlyTheDataFolderTakesFileLocationsAtRunTime() throws Exception {
    assertThat(roots.roots()).containsExactly(tarmac.dataDir().toAbsolutePath().normalize());
    Path inside = tarmac.dataDir().resolve("imports/catalog-info.yaml").toAbsolutePath();
    Files.createDirectories(inside.getParent());
    Files.writeString(inside, component("from-the-data-folder"));
    register("file", inside.toString());
    await("component", "from-the-data-folder");
    Path temp = Files.createTempFile("outside-the-data-folder", ".yaml");
    Api.Response refused =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + temp + "\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("tarmac.reading.file-roots");
  }

  private PublishRuns runs() {
    return new PublishRuns(catalog, tarmac, settings, reader, integrations);
  }

  private String register(String url) {
    return register("url", url);
  }

  private String register(String type, String target) {
    Api.Response r =
        api.post(
            "/api/catalog/locations", "{\"type\":\"" + type + "\",\"target\":\"" + target + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("location").path("id").asString();
  }

  private String awaitErrors(String locationId) {
    Await.until(
        "errors on location " + locationId,
        Duration.ofSeconds(30),
        () ->
            api.get("/api/catalog/locations/" + locationId + "/errors").json().path("items").size()
                > 0);
    return api.get("/api/catalog/locations/" + locationId + "/errors").body();
  }

  private JsonNode await(String kind, String name) {
    EntityRef ref = new EntityRef(kind, "default", name);
    Await.until(
        ref + " in the catalog", Duration.ofSeconds(30), () -> catalog.entity(ref).isPresent());
    Optional<JsonNode> entity = catalog.entity(ref);
    return entity.orElseThrow();
  }

  private static String annotation(JsonNode entity, String key) {
    return entity.path("metadata").path("annotations").path(key).asString();
  }

  private static String authority(FakeGitHost host) {
    return URI.create(host.url()).getRawAuthority();
  }

  private static String component(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: "
        + name
        + "}\nspec: {type: service, lifecycle: production, owner: team-a}\n";
  }

  private static String template(String action, String input, String name) {
    return """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: hosted}
        spec:
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: %s, owner: team-a}}
            - id: publish
              action: %s
              input: %s
            - id: register
              action: catalog:register
              input:
                repoContentsUrl: ${{ steps.publish.output.repoContentsUrl }}
                catalogInfoPath: /catalog-info.yaml
          output:
            catalogInfoUrl: ${{ steps.register.output.catalogInfoUrl }}
            entityRef: ${{ steps.register.output.entityRef }}
        """
        .formatted(name, action, input);
  }
}
