package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.SyntheticCatalog;
import dev.tarmac.support.TarmacTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What happens to entities as their locations change, conflict, fail and go away. */
@TarmacTest
class LocationLifecycleIT {

  @Autowired Environment env;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
  }

  @Test
  void removedEntitiesBecomeOrphansAndUnregisteringDeletesEverything() throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(
        file, component("life-a", "team-x") + "---\n" + component("life-b", "team-x"));
    String id = register("file", file.toString());
    awaitStatus("component/default/life-b", 200);

    Files.writeString(file, component("life-a", "team-x"));
    refresh("component:default/life-a");
    Await.until(
        "life-b to be orphaned",
        Duration.ofSeconds(30),
        () -> "true".equals(annotation("component/default/life-b", "backstage.io/orphan")));
    assertThat(annotation("component/default/life-a", "backstage.io/orphan")).isNull();

    assertThat(api.delete("/api/catalog/locations/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/catalog/entities/by-name/component/default/life-a").status())
        .isEqualTo(404);
    assertThat(api.get("/api/catalog/locations/" + id).status()).isEqualTo(404);
  }

  @Test
  void aLargeLocationIsWrittenInChunksWithItsEntitiesProcessedOnTheWay() throws Exception {
    // 1,215 entities: more than one chunk (the batch size, 500) of what the location emits.
    Path root = SyntheticCatalog.write(dir.resolve("large"), "chunked", 1200);
    register("file", root.toString());
    awaitStatus("component/default/chunked-svc-1199", 200);
    awaitStatus("group/default/chunked-team-3", 200);
    Await.until(
        "the last team's relations to be stitched",
        Duration.ofSeconds(30),
        () ->
            api.get("/api/catalog/entities/by-name/group/default/chunked-team-9")
                    .json()
                    .path("relations")
                    .size()
                == 120);
    // Each entity was stored already processed, in the transaction that inserted it, and not
    // claimed or rewritten afterwards.
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM catalog_refresh_state WHERE entity_ref LIKE '%:default/chunked-%'"
                    + " AND location_key NOT LIKE '%catalog-info.yaml'"
                    + " AND (processed_json IS NOT NULL OR processed_as_emitted)"
                    + " AND updated_at = created_at",
                Long.class))
        .isEqualTo(1215);
  }

  @Test
  void aChangedFileIsReadAndItsNewFingerprintKept() throws Exception {
    Path file = dir.resolve("fingerprint.yaml");
    Files.writeString(file, component("print-a", "team-x"));
    register("file", file.toString());
    awaitStatus("component/default/print-a", 200);
    String location =
        jdbc.queryForObject(
            "SELECT entity_ref FROM catalog_refresh_state WHERE entity_ref LIKE 'location:%'"
                + " AND unprocessed_json LIKE ?",
            String.class, "%" + file.getFileName() + "%");
    String before = sourceEtag(location);

    Files.writeString(file, component("print-a", "team-y"));
    // Due as on its refresh interval (a refresh through the API also forgets the last result).
    jdbc.update(
        "UPDATE catalog_refresh_queue SET next_update_at = CURRENT_TIMESTAMP WHERE entity_ref = ?",
        location);
    Await.until(
        "the new owner to be read",
        Duration.ofSeconds(30),
        () ->
            api.get("/api/catalog/entities/by-name/component/default/print-a")
                .json()
                .path("spec")
                .path("owner")
                .asString("")
                .equals("team-y"));
    // The location itself did not change, its file did: the new fingerprint is stored, so the
    // next refresh finds the file unchanged and does not parse it again.
    Await.until(
        "the new fingerprint", Duration.ofSeconds(30), () -> !before.equals(sourceEtag(location)));
  }

  @Test
  void anEntityWhoseNewVersionFailsProcessingKeepsItsLastGoodVersion() throws Exception {
    Path file = dir.resolve("last-good.yaml");
    Files.writeString(
        file,
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: good-a\n"
            + "  namespace: default\n"
            + "spec:\n  type: service\n  lifecycle: production\n  owner: team-x\n");
    String id = register("file", file.toString());
    awaitStatus("component/default/good-a", 200);
    // Processing left it as emitted (its namespace given, nothing to resolve): its processed form
    // is not stored a second time.
    assertThat(
            jdbc.queryForList(
                "SELECT processed_json IS NULL, processed_as_emitted FROM catalog_refresh_state"
                    + " WHERE entity_ref = 'component:default/good-a'"))
        .singleElement()
        .satisfies(row -> assertThat(row.values()).containsExactly(true, true));

    // The new version names another owner and takes its description from a file that is missing.
    Files.writeString(
        file,
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: good-a\n"
            + "  description:\n    $text: ./missing-description.md\n"
            + "spec:\n  type: service\n  lifecycle: production\n  owner: team-y\n");
    String location =
        jdbc.queryForObject(
            "SELECT entity_ref FROM catalog_refresh_state WHERE entity_ref LIKE 'location:%'"
                + " AND unprocessed_json LIKE ?",
            String.class, "%last-good.yaml%");
    jdbc.update(
        "UPDATE catalog_refresh_queue SET next_update_at = CURRENT_TIMESTAMP WHERE entity_ref = ?",
        location);
    Await.until(
        "the failed processing to be reported",
        Duration.ofSeconds(30),
        () -> api.get("/api/catalog/locations/" + id + "/errors").json().path("items").size() == 1);

    JsonNode error =
        api.get("/api/catalog/locations/" + id + "/errors").json().path("items").get(0);
    assertThat(error.path("state").asString()).isEqualTo("stale");
    assertThat(error.toString()).contains("missing-description.md");
    // The catalog still serves the last version that processed, with the error on it.
    JsonNode entity = api.get("/api/catalog/entities/by-name/component/default/good-a").json();
    assertThat(entity.path("spec").path("owner").asString()).isEqualTo("team-x");
    assertThat(entity.path("metadata").has("description")).isFalse();
  }

  private String sourceEtag(String ref) {
    return jdbc.queryForObject(
        "SELECT source_etag FROM catalog_refresh_state WHERE entity_ref = ?", String.class, ref);
  }

  @Test
  void entitiesOfAFileThatNoLongerParsesAreKept() throws Exception {
    Path good = dir.resolve("kept-good.yaml");
    Path broken = dir.resolve("kept-broken.yaml");
    Path root = dir.resolve("kept.yaml");
    Files.writeString(good, component("kept-a", "team-x"));
    Files.writeString(broken, component("kept-b", "team-x"));
    Files.writeString(
        root,
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: kept\n"
            + "spec:\n  targets:\n    - ./kept-good.yaml\n    - ./kept-broken.yaml\n");
    String id = register("file", root.toString());
    awaitStatus("component/default/kept-b", 200);

    Files.writeString(broken, "kind: [unclosed\n");
    refresh("location:default/kept");
    Await.until(
        "the YAML error to be reported",
        Duration.ofSeconds(30),
        () -> api.get("/api/catalog/locations/" + id + "/errors").body().contains("YAML error"));
    Await.until(
        "stitching to settle",
        Duration.ofSeconds(30),
        () ->
            jdbc.queryForObject(
                    "SELECT COUNT(*) FROM catalog_refresh_queue WHERE stitch_requested", Long.class)
                == 0);
    // As Backstage keeps a location's last good state when reading it fails: not orphaned.
    assertThat(annotation("component/default/kept-b", "backstage.io/orphan")).isNull();
    assertThat(annotation("component/default/kept-a", "backstage.io/orphan")).isNull();
  }

  @Test
  void theSecondLocationEmittingAnEntityGetsAConflictError() throws Exception {
    Path first = dir.resolve("first.yaml");
    Path second = dir.resolve("second.yaml");
    Files.writeString(first, component("contested", "owner-one"));
    Files.writeString(second, component("contested", "owner-two"));
    register("file", first.toString());
    awaitStatus("component/default/contested", 200);
    String secondId = register("file", second.toString());
    Await.until(
        "the conflict to be reported",
        Duration.ofSeconds(30),
        () ->
            api.get("/api/catalog/locations/" + secondId + "/errors")
                .body()
                .contains("ConflictError"));
    JsonNode kept = api.get("/api/catalog/entities/by-name/component/default/contested").json();
    assertThat(kept.path("spec").path("owner").asString()).isEqualTo("owner-one");
  }

  @Test
  void oneBrokenEntityNeverStopsTheRestAndItsErrorNamesTheField() throws Exception {
    Path file = dir.resolve("mixed.yaml");
    Files.writeString(
        file,
        component("mixed-good", "team-x")
            + "---\n"
            + "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: mixed-bad\n"
            + "spec:\n  type: service\n  lifecycle: production\n");
    String id = register("file", file.toString());
    awaitStatus("component/default/mixed-good", 200);
    Await.until(
        "the error to be reported",
        Duration.ofSeconds(30),
        () -> api.get("/api/catalog/locations/" + id + "/errors").body().contains("mixed-bad"));
    String errors = api.get("/api/catalog/locations/" + id + "/errors").body();
    assertThat(errors).contains("component:default/mixed-bad").contains("owner");
    assertThat(api.get("/api/catalog/entities/by-name/component/default/mixed-bad").status())
        .isEqualTo(404);
  }

  @Test
  void aDryRunReturnsTheEntitiesAndStoresNothing() throws Exception {
    Path file = dir.resolve("dry.yaml");
    Files.writeString(file, component("dry-one", "team-x"));
    Api.Response r =
        api.post(
            "/api/catalog/locations?dryRun=true",
            "{\"type\":\"file\",\"target\":\"" + file + "\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body()).contains("dry-one");
    assertThat(r.json().path("exists").asBoolean()).isFalse();
    assertThat(api.get("/api/catalog/locations").body()).doesNotContain(file.toString());
    assertThat(api.get("/api/catalog/entities/by-name/component/default/dry-one").status())
        .isEqualTo(404);
  }

  @Test
  void aDuplicateLocationIsAConflictAndBadInputIsAnInputError() throws Exception {
    Path file = dir.resolve("dup.yaml");
    Files.writeString(file, component("dup-one", "team-x"));
    register("file", file.toString());
    Api.Response again =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + file + "\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("error").path("name").asString()).isEqualTo("ConflictError");
    assertThat(api.post("/api/catalog/locations", "{\"type\":\"ftp\",\"target\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"/x\",\"foo\":1}")
                .status())
        .isEqualTo(400);
    Api.Response noType = api.post("/api/catalog/locations", "{}", null);
    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.json().path("error").path("message").asString())
        .isEqualTo("Content-Type missing");
  }

  @Test
  void validateEntityReportsProblemsWithoutStoring() {
    Api.Response bad =
        api.post(
            "/api/catalog/validate-entity",
            "{\"location\":\"url:https://x/y\","
                + "\"entity\":{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                + "\"metadata\":{\"name\":\"bad name!\"},\"spec\":{\"type\":\"service\","
                + "\"lifecycle\":\"production\",\"owner\":\"me\"}}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("message").asString())
        .contains("metadata.name");
    Api.Response good =
        api.post(
            "/api/catalog/validate-entity",
            "{\"location\":\"url:https://x/y\","
                + "\"entity\":{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                + "\"metadata\":{\"name\":\"good\"},\"spec\":{\"type\":\"service\","
                + "\"lifecycle\":\"production\",\"owner\":\"me\"}}}");
    assertThat(good.status()).isEqualTo(200);
  }

  @Test
  void readsAGitRepositoryAndDiscoversAcrossAFolderOfRepositories() throws Exception {
    Path repos = dir.resolve("repos");
    pushRepo(repos.resolve("alpha.git"), component("git-alpha", "team-git"));
    pushRepo(repos.resolve("beta.git"), component("git-beta", "team-git"));
    register(
        "git",
        repos.resolve("alpha.git").toUri().toString().replaceAll("/$", "")
            + "#main:catalog-info.yaml");
    awaitStatus("component/default/git-alpha", 200);
    JsonNode alpha = api.get("/api/catalog/entities/by-name/component/default/git-alpha").json();
    assertThat(
            alpha
                .path("metadata")
                .path("annotations")
                .path("backstage.io/managed-by-location")
                .asString())
        .startsWith("git:file:")
        .endsWith("alpha.git#main:catalog-info.yaml");
    register("git", repos.toUri().toString() + "*.git#main:catalog-info.yaml");
    awaitStatus("component/default/git-beta", 200);
  }

  @Test
  void ancestryLeadsFromAnEntityToItsRegisteredLocation() throws Exception {
    Path file = dir.resolve("ancestry.yaml");
    Files.writeString(file, component("descendant", "team-x"));
    register("file", file.toString());
    awaitStatus("component/default/descendant", 200);
    JsonNode a =
        api.get("/api/catalog/entities/by-name/component/default/descendant/ancestry").json();
    assertThat(a.path("rootEntityRef").asString()).isEqualTo("component:default/descendant");
    assertThat(a.path("items")).hasSize(2);
    assertThat(a.path("items").get(0).path("parentEntityRefs").get(0).asString())
        .startsWith("location:default/generated-");
    assertThat(a.path("items").get(1).path("entity").path("kind").asString()).isEqualTo("Location");
  }

  @Test
  void locationsCanBeQueriedAndRepointed() throws Exception {
    Path first = dir.resolve("moving-1.yaml");
    Path second = dir.resolve("moving-2.yaml");
    Files.writeString(first, component("before-move", "team-x"));
    Files.writeString(second, component("after-move", "team-x"));
    String id = register("file", first.toString());
    awaitStatus("component/default/before-move", 200);
    JsonNode page =
        api.post(
                "/api/catalog/locations/by-query",
                "{\"limit\":5,\"query\":{\"target\":\"" + first + "\"}}")
            .json();
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("totalItems").asInt()).isEqualTo(1);
    Api.Response put =
        api.put(
            "/api/catalog/locations/" + id, "{\"type\":\"file\",\"target\":\"" + second + "\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    awaitStatus("component/default/after-move", 200);
    awaitStatus("component/default/before-move", 404);
    assertThat(api.get("/api/catalog/locations/" + id).json().path("target").asString())
        .isEqualTo(second.toString());
  }

  private void pushRepo(Path bare, String content) throws Exception {
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    File work = Files.createTempDirectory(dir, "work").toFile();
    try (Git git = Git.init().setInitialBranch("main").setDirectory(work).call()) {
      Files.writeString(work.toPath().resolve("catalog-info.yaml"), content);
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Test", "test@example.com");
      git.commit().setMessage("catalog").setAuthor(who).setCommitter(who).call();
      git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
      git.push().setRemote("origin").add("main").call();
    }
  }

  private String register(String type, String target) {
    Api.Response r =
        api.post(
            "/api/catalog/locations", "{\"type\":\"" + type + "\",\"target\":\"" + target + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("location").path("id").asString();
  }

  private void refresh(String ref) {
    assertThat(api.post("/api/catalog/refresh", "{\"entityRef\":\"" + ref + "\"}").status())
        .isEqualTo(200);
  }

  private void awaitStatus(String path, int status) {
    Await.until(
        path + " to answer " + status,
        Duration.ofSeconds(30),
        () -> api.get("/api/catalog/entities/by-name/" + path).status() == status);
  }

  private String annotation(String path, String key) {
    JsonNode v =
        api.get("/api/catalog/entities/by-name/" + path)
            .json()
            .path("metadata")
            .path("annotations")
            .path(key);
    return v.isString() ? v.asString() : null;
  }

  private static String component(String name, String owner) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "
        + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: "
        + owner
        + "\n";
  }
}
