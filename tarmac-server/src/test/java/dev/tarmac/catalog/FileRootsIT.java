package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * File locations registered at run time read only inside {@code tarmac.reading.file-roots} (here
 * the test data folder, the fixtures and the temporary folder): whatever names a file outside — a
 * plain path, a glob, a {@code ..} escape, a symbolic link, a nested location, a placeholder — is
 * refused naming the setting, without echoing the file, and nothing is stored.
 */
@TarmacTest
class FileRootsIT {

  static final String SECRET = "db-password: s3cr3t-value-7781\n";

  @Autowired Environment env;
  @Autowired Catalog catalog;
  @TempDir Path dir;
  Api api;
  Path outside;

  @BeforeEach
  void folders() throws Exception {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    // Under the module's target folder, which is not a root (the data folder below it is).
    outside =
        Files.createDirectories(
            Path.of("target/outside-roots-" + UUID.randomUUID()).toAbsolutePath());
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
    assertThat(outside.toRealPath().startsWith(tmp))
        .as(
            "the temporary folder (%s) is a file root of these tests, so they need a checkout"
                + " outside it to have a folder outside the roots",
            tmp)
        .isFalse();
    Files.writeString(outside.resolve("catalog-info.yaml"), component("outside-" + id()));
    Files.writeString(outside.resolve("secret.yaml"), SECRET);
  }

  @Test
  void everyWayOutsideTheRootsIsRefusedWithTheSettingNamedAndNothingStored() throws Exception {
    Files.createSymbolicLink(dir.resolve("link"), outside);
    Path file = outside.resolve("catalog-info.yaml");
    String climb = dir + "/" + "../".repeat(dir.getNameCount()) + file.toString().substring(1);
    List<String> targets =
        List.of(
            file.toString(),
            outside + "/*.yaml",
            outside.getParent() + "/outside-roots-*/**/catalog-info.yaml",
            climb,
            dir + "/link/catalog-info.yaml",
            dir + "/link/*.yaml",
            "/etc/passwd");
    for (String target : targets) {
      String body = "{\"type\":\"file\",\"target\":\"" + target + "\"}";
      for (String path : List.of("/api/catalog/locations", "/api/catalog/locations?dryRun=true")) {
        assertRefused(api.post(path, body), target);
      }
      assertRefused(
          api.post("/api/catalog/analyze-location", "{\"location\":" + body + "}"), target);
    }
    String listed = api.get("/api/catalog/locations").body();
    assertThat(listed).doesNotContain(outside.getFileName().toString()).doesNotContain("passwd");
    assertThat(api.get("/api/catalog/entities/by-name/component/default/outside-" + id()).status())
        .isEqualTo(404);
  }

  @Test
  void analyzingAFolderCannotClimbOutThroughTheFileName() {
    String climb = "../".repeat(dir.getNameCount()) + outside.toString().substring(1);
    Api.Response r =
        api.post(
            "/api/catalog/analyze-location",
            "{\"location\":{\"type\":\"file\",\"target\":\""
                + dir
                + "\"},\"catalogFilename\":\""
                + climb
                + "/secret.yaml\"}");
    assertRefused(r, outside + "/secret.yaml");
  }

  @Test
  void aLocationCannotBeRepointedOutside() throws Exception {
    Path inside = dir.resolve("catalog-info.yaml");
    Files.writeString(inside, component("repoint-" + id()));
    Api.Response created =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + inside + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("location").path("id").asString();
    Path target = outside.resolve("catalog-info.yaml");
    assertRefused(
        api.put(
            "/api/catalog/locations/" + id, "{\"type\":\"file\",\"target\":\"" + target + "\"}"),
        target.toString());
    assertThat(api.get("/api/catalog/locations/" + id).json().path("target").asString())
        .isEqualTo(inside.toString());
  }

  @Test
  void nestedLocationsAndPlaceholdersOfARunTimeLocationStayInside() throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    String climb = "../".repeat(dir.getNameCount()) + outside.toString().substring(1);
    Files.writeString(
        file,
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: nested-"
            + id()
            + "\nspec:\n  targets:\n    - "
            + outside
            + "/catalog-info.yaml\n    - "
            + climb
            + "/catalog-info.yaml\n---\n"
            + component("inside-" + id())
            + "---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: leaky-"
            + id()
            + "\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-x\n"
            + "  definition:\n    $text: "
            + climb
            + "/secret.yaml\n");
    Api.Response created =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + file + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("location").path("id").asString();
    Await.until(
        "the refused reads to be reported",
        Duration.ofSeconds(30),
        () -> {
          String errors = api.get("/api/catalog/locations/" + id + "/errors").body();
          return errors.contains("nested-" + id()) && errors.contains("leaky-" + id());
        });
    Await.until(
        "the entity inside the roots to be stored",
        Duration.ofSeconds(30),
        () ->
            api.get("/api/catalog/entities/by-name/component/default/inside-" + id()).status()
                == 200);
    JsonNode items = api.get("/api/catalog/locations/" + id + "/errors").json().path("items");
    String errors = items.toString();
    assertThat(errors)
        .contains("NotAllowedError")
        .contains("tarmac.reading.file-roots")
        .contains("Unable to read file:" + outside + "/catalog-info.yaml")
        .contains("Placeholder $text at spec.definition")
        .doesNotContain("s3cr3t");
    assertThat(api.get("/api/catalog/entities/by-name/component/default/outside-" + id()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/catalog/entities/by-name/api/default/leaky-" + id()).status())
        .isEqualTo(404);
  }

  @Test
  void validatingALocationEntityDoesNotReadOutsideEither() {
    Api.Response r =
        api.post(
            "/api/catalog/validate-entity",
            "{\"location\":\"url:https://example.com/catalog-info.yaml\",\"entity\":{"
                + "\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Location\","
                + "\"metadata\":{\"name\":\"probe\"},\"spec\":{\"type\":\"file\",\"target\":\""
                + outside.resolve("secret.yaml")
                + "\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("errors").get(0).path("name").asString()).isEqualTo("NotAllowedError");
    assertThat(r.body()).contains("tarmac.reading.file-roots").doesNotContain("s3cr3t");
  }

  @Test
  void theFacadeThatThePortalAndTheScaffolderUseRefusesToo() {
    String target = outside.resolve("catalog-info.yaml").toString();
    assertThatThrownBy(() -> catalog.analyzeLocation("file", target))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("tarmac.reading.file-roots");
    assertThatThrownBy(() -> catalog.registerLocation("file", target))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("tarmac.reading.file-roots");
    assertThat(catalog.location("file", target)).isEmpty();
    Api.Response page =
        api.post(
            "/catalog-import/analyze",
            "type=file&target=" + URLEncoder.encode("/etc/passwd", StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("tarmac.reading.file-roots").doesNotContain("root:x:0");
  }

  private void assertRefused(Api.Response r, String target) {
    assertThat(r.status()).as(target + ": " + r.body()).isEqualTo(400);
    JsonNode error = r.json().path("error");
    assertThat(error.path("name").asString()).isEqualTo("InputError");
    assertThat(error.path("message").asString()).contains("tarmac.reading.file-roots");
    assertThat(r.json().path("response").path("statusCode").asInt()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("s3cr3t").doesNotContain("root:x:0");
  }

  private String id() {
    return outside.getFileName().toString().substring("outside-roots-".length(), 22);
  }

  private static String component(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "
        + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n";
  }
}
