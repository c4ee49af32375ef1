package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.shared.Json;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's behaviour over its REST API, run against H2 and PostgreSQL: the Backstage example
 * catalog ingests as Backstage ingests it, with the same entity and relation counts.
 */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogContract {

  static final Path EXAMPLES =
      Path.of("src/test/resources/fixtures/catalog/valid/backstage-examples").toAbsolutePath();

  @Autowired Environment env;
  Api api;
  String allKey;
  String acmeKey;
  String allLocationId;

  @BeforeAll
  void registerExamples() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    allKey = "file:" + EXAMPLES.resolve("all.yaml");
    acmeKey = "file:" + EXAMPLES.resolve("acme-corp.yaml");
    allLocationId = register(EXAMPLES.resolve("all.yaml"));
    register(EXAMPLES.resolve("acme-corp.yaml"));
    Await.until(
        "the example catalog to be ingested",
        Duration.ofSeconds(60),
        () -> count(allKey) + count(acmeKey) == 61);
  }

  private String register(Path file) {
    Api.Response r =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + file + "\"}");
    if (r.status() == 409) {
      for (JsonNode l : api.get("/api/catalog/locations").json()) {
        if (l.path("data").path("target").asString().equals(file.toString())) {
          return l.path("data").path("id").asString();
        }
      }
    }
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("location").path("id").asString();
  }

  private int count(String originKey) {
    return api.get(
            "/api/catalog/entities?filter="
                + enc("metadata.annotations.backstage.io/managed-by-origin-location=" + originKey))
        .json()
        .size();
  }

  @Test
  void ingestsTheExampleCatalogWithBackstagesEntityCounts() {
    Map<String, Integer> kinds = new TreeMap<>();
    for (String origin : new String[] {allKey, acmeKey}) {
      for (JsonNode e : entities(origin)) {
        kinds.merge(e.path("kind").asString(), 1, Integer::sum);
      }
    }
    // Worked out from the example files: 13 components; 9 APIs of which spotify, wayback-archive
    // and wayback-search fail ($text on a remote host); 8 groups and 17 users (two "guest" users in
    // different namespaces); Locations: 2 generated roots, example-all and its 5 children,
    // acme-corp and example-groups.
    assertThat(kinds)
        .isEqualTo(
            new TreeMap<>(
                Map.of(
                    "API",
                    6,
                    "Component",
                    13,
                    "Domain",
                    3,
                    "Group",
                    8,
                    "Location",
                    10,
                    "Resource",
                    1,
                    "System",
                    3,
                    "User",
                    17)));
  }

  @Test
  void derivesEveryRelationTypeAsBackstageDoes() {
    Map<String, Integer> relations = new TreeMap<>();
    for (String origin : new String[] {allKey, acmeKey}) {
      for (JsonNode e : entities(origin)) {
        for (JsonNode r : e.path("relations")) {
          relations.merge(r.path("type").asString(), 1, Integer::sum);
        }
      }
    }
    // Hand count from the example files: ownedBy 13 components + 6 APIs + 1 resource + 3 systems +
    // 3 domains; partOf 7 component systems + 2 subcomponentOf + 1 resource + 3 system domains +
    // 2 subdomainOf; providesApi 3 (petstore) + 1 + 1 with only 3 target APIs stored;
    // consumesApi 2 (one to the failed wayback-archive API, one to component:artist-lookup);
    // memberOf 17 users; childOf 7 group parents (children duplicate them).
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("apiConsumedBy", 1);
    expected.put("apiProvidedBy", 3);
    expected.put("childOf", 7);
    expected.put("consumesApi", 2);
    expected.put("dependencyOf", 1);
    expected.put("dependsOn", 1);
    expected.put("hasMember", 17);
    expected.put("hasPart", 15);
    expected.put("memberOf", 17);
    expected.put("ownedBy", 26);
    expected.put("ownerOf", 26);
    expected.put("parentOf", 7);
    expected.put("partOf", 15);
    expected.put("providesApi", 5);
    assertThat(relations).isEqualTo(new TreeMap<>(expected));
  }

  @Test
  void resolvesRelativePlaceholdersOnFileLocations() {
    JsonNode petstore = api.get("/api/catalog/entities/by-name/api/default/petstore").json();
    assertThat(petstore.path("spec").path("definition").asString()).contains("openapi:");
  }

  @Test
  void reportsUnreadablePlaceholdersOnTheLocationAndTheEntityRef() {
    JsonNode errors = api.get("/api/catalog/locations/" + allLocationId + "/errors").json();
    Map<String, String> byRef = new TreeMap<>();
    for (JsonNode item : errors.path("items")) {
      byRef.put(
          item.path("entityRef").asString(), item.path("errors").get(0).path("message").asString());
    }
    assertThat(byRef)
        .containsOnlyKeys(
            "api:default/spotify", "api:default/wayback-archive", "api:default/wayback-search");
    assertThat(byRef.get("api:default/spotify"))
        .contains("$text")
        .contains("spec.definition")
        .contains("github.com")
        .contains("tarmac.reading.allow");
    assertThat(api.get("/api/catalog/entities/by-name/api/default/spotify").status())
        .isEqualTo(404);
  }

  @Test
  void reportsHowFarALocationHasGot() {
    String progress = "/api/catalog/locations/" + allLocationId + "/progress";
    Await.until(
        "all.yaml's processing to end",
        Duration.ofSeconds(30),
        () -> !api.get(progress).json().path("processing").asBoolean());
    JsonNode p = api.get(progress).json();
    assertThat(p.path("location").path("id").asString()).isEqualTo(allLocationId);
    // Everything all.yaml leads to is read; the three APIs whose placeholders fail are not in the
    // catalog and are the ones with problems.
    assertThat(p.path("inCatalog").asLong()).isEqualTo(count(allKey));
    assertThat(p.path("read").asLong()).isEqualTo(count(allKey) + 3);
    assertThat(p.path("withErrors").asLong()).isEqualTo(3);
    assertThat(api.get("/api/catalog/locations/no-such-id/progress").status()).isEqualTo(404);
  }

  @Test
  void answersByNameCaseInsensitivelyWithBackstagesShape() {
    Api.Response r = api.get("/api/catalog/entities/by-name/Component/Default/Artist-Lookup");
    assertThat(r.status()).isEqualTo(200);
    JsonNode e = r.json();
    assertThat(e.path("metadata").path("uid").asString()).isNotBlank();
    assertThat(e.path("metadata").path("etag").asString()).isNotBlank();
    assertThat(
            e.path("metadata")
                .path("annotations")
                .path("backstage.io/managed-by-location")
                .asString())
        .isEqualTo("file:" + EXAMPLES.resolve("components/artist-lookup-component.yaml"));
    assertThat(e.path("relations").toString())
        .contains("{\"type\":\"dependsOn\",\"targetRef\":\"resource:default/artists-db\"}");
  }

  @Test
  void unknownEntityIsBackstagesNotFoundError() {
    Api.Response r = api.get("/api/catalog/entities/by-name/component/default/nope");
    assertThat(r.status()).isEqualTo(404);
    JsonNode body = r.json();
    assertThat(body.path("error").path("name").asString()).isEqualTo("NotFoundError");
    assertThat(body.path("error").path("message").asString())
        .isEqualTo("No entity named 'nope' found, with kind 'component' in namespace 'default'");
    assertThat(body.path("request").path("method").asString()).isEqualTo("GET");
    assertThat(body.path("request").path("url").asString())
        .isEqualTo("/entities/by-name/component/default/nope");
    assertThat(body.path("response").path("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void filtersAsBackstageDocuments() {
    String base = "/api/catalog/entities?fields=metadata.name&filter=";
    assertThat(names(base + ex("kind=component,spec.lifecycle=experimental")))
        .containsExactlyInAnyOrder("artist-lookup", "petstore", "playback-sdk", "podcast-api");
    // one filter parameter ANDs; several OR; a repeated key is IN
    assertThat(
            names(
                "/api/catalog/entities?fields=metadata.name&filter="
                    + ex("kind=domain")
                    + "&filter="
                    + ex("kind=resource")))
        .containsExactlyInAnyOrder("artists", "audio", "playback", "artists-db");
    assertThat(names(base + ex("kind=system,kind=resource,spec.owner=team-a")))
        .containsExactlyInAnyOrder("artist-engagement-portal", "artists-db");
    assertThat(names(base + ex("relations.ownedBy=group:default/team-d")))
        .containsExactly("wayback-archive-ingestion");
    assertThat(names(base + ex("kind=api,spec.type=grpc"))).containsExactly("hello-world");
  }

  @Test
  void pagesWithByQueryCursors() {
    String q =
        "/api/catalog/entities/by-query?filter="
            + enc("kind=component")
            + "&orderField="
            + enc("metadata.name,asc")
            + "&limit=5&fields=metadata.name";
    JsonNode page1 = api.get(q).json();
    assertThat(page1.path("totalItems").asInt()).isGreaterThanOrEqualTo(13);
    assertThat(page1.path("items")).hasSize(5);
    String next = page1.path("pageInfo").path("nextCursor").asString();
    JsonNode page2 = api.get("/api/catalog/entities/by-query?cursor=" + next).json();
    assertThat(page2.path("items")).hasSize(5);
    assertThat(page2.path("items").get(0).path("metadata").path("name").asString())
        .isGreaterThan(page1.path("items").get(4).path("metadata").path("name").asString());
    assertThat(page2.path("pageInfo").path("prevCursor").isString()).isTrue();
  }

  @Test
  void countsFacetsPerOriginalValue() {
    JsonNode facets =
        api.get(
                "/api/catalog/entity-facets?facet=spec.lifecycle&filter="
                    + ex("kind=component,spec.owner=team-a"))
            .json();
    Map<String, Integer> counts = new TreeMap<>();
    facets
        .path("facets")
        .path("spec.lifecycle")
        .forEach(f -> counts.put(f.path("value").asString(), f.path("count").asInt()));
    assertThat(counts).isEqualTo(Map.of("experimental", 1, "production", 4));
    assertThat(api.get("/api/catalog/entity-facets").status()).isEqualTo(400);
  }

  @Test
  void byRefsKeepsOrderAndNullsTheMissing() {
    JsonNode items =
        api.post(
                "/api/catalog/entities/by-refs",
                "{\"entityRefs\":[\"component:default/searcher\",\"component:default/nope\","
                    + "\"group:default/team-a\"],\"fields\":[\"metadata.name\"]}")
            .json()
            .path("items");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).path("metadata").path("name").asString()).isEqualTo("searcher");
    assertThat(items.get(1).isNull()).isTrue();
    assertThat(items.get(2).path("metadata").path("name").asString()).isEqualTo("team-a");
  }

  private Iterable<JsonNode> entities(String originKey) {
    return api.get(
            "/api/catalog/entities?filter="
                + enc("metadata.annotations.backstage.io/managed-by-origin-location=" + originKey))
        .json();
  }

  private java.util.List<String> names(String path) {
    java.util.List<String> out = new java.util.ArrayList<>();
    JsonNode body = api.get(path).json();
    assertThat(body.isArray()).as(Json.write(body)).isTrue();
    body.forEach(e -> out.add(e.path("metadata").path("name").asString()));
    return out;
  }

  /** A filter restricted to the example catalog (the demo organisation is loaded too). */
  private String ex(String filter) {
    return enc(filter + ",metadata.annotations.backstage.io/managed-by-origin-location=" + allKey);
  }

  @Test
  void aClientKeepsItsConnectionForManyRequests() throws Exception {
    // Tomcat's default closes a kept-alive connection every 100 requests, and the reconnect made
    // the next request the slowest of its hundred.
    URI facets =
        URI.create(
            "http://127.0.0.1:"
                + env.getProperty("local.server.port")
                + "/api/catalog/entity-facets?facet=kind");
    for (int i = 0; i < 250; i++) {
      HttpURLConnection c = (HttpURLConnection) facets.toURL().openConnection();
      assertThat(c.getResponseCode()).isEqualTo(200);
      assertThat(c.getHeaderField("Connection")).as("response %d", i).isNotEqualTo("close");
      try (InputStream body = c.getInputStream()) {
        body.readAllBytes();
      }
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
