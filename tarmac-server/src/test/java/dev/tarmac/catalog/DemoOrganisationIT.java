package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.ops.CatalogMetrics;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first look: the demo organisation loads whole, and the catalog reports on itself.
 */
@TarmacTest
class DemoOrganisationIT {

  @Autowired Environment env;
  @Autowired CatalogMetrics metrics;
  Api api;
  String origin;

  @BeforeEach
  void api() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    origin =
        "file:"
            + java.nio.file.Path.of("target/it-data/demo/catalog-info.yaml")
                .toAbsolutePath()
                .normalize();
    Await.until(
        "the demo organisation to load", Duration.ofSeconds(60), () -> demo().size() == 132);
  }

  private JsonNode demo() {
    return api.get(
            "/api/catalog/entities?fields=kind,metadata.name&filter="
                + URLEncoder.encode(
                    "metadata.annotations.backstage.io/managed-by-origin-location=" + origin,
                    StandardCharsets.UTF_8))
        .json();
  }

  @Test
  void loadsEveryEntityOfTheDemoWithoutErrors() {
    Map<String, Integer> kinds = new TreeMap<>();
    demo().forEach(e -> kinds.merge(e.path("kind").asString(), 1, Integer::sum));
    // Counted from the demo files (see src/main/resources/demo/README.md), plus the generated
    // Location of the registration itself and the golden-path templates.
    assertThat(kinds)
        .isEqualTo(
            new TreeMap<>(
                Map.of(
                    "API",
                    15,
                    "Component",
                    37,
                    "Domain",
                    5,
                    "Group",
                    16,
                    "Location",
                    2,
                    "Resource",
                    10,
                    "System",
                    12,
                    "Template",
                    3,
                    "User",
                    32)));
    String id = null;
    for (JsonNode l : api.get("/api/catalog/locations").json()) {
      if (("file:" + l.path("data").path("target").asString()).equals(origin)) {
        id = l.path("data").path("id").asString();
      }
    }
    assertThat(id).isNotNull();
    assertThat(api.get("/api/catalog/locations/" + id + "/errors").json().path("items")).isEmpty();
  }

  @Test
  void everyRelationOfTheDemoPointsAtAnEntityOfIt() {
    // A newcomer following any link (an owner, a system, a dependency) lands on a page, not a 404.
    JsonNode all =
        api.get(
                "/api/catalog/entities?fields=kind,metadata.name,metadata.namespace,relations"
                    + "&filter="
                    + URLEncoder.encode(
                        "metadata.annotations.backstage.io/managed-by-origin-location=" + origin,
                        StandardCharsets.UTF_8))
            .json();
    Set<String> refs = new HashSet<>();
    all.forEach(
        e ->
            refs.add(
                (e.path("kind").asString()
                        + ":"
                        + e.path("metadata").path("namespace").asString("default")
                        + "/"
                        + e.path("metadata").path("name").asString())
                    .toLowerCase(Locale.ROOT)));
    List<String> dangling = new ArrayList<>();
    all.forEach(
        e ->
            e.path("relations")
                .forEach(
                    r -> {
                      String target = r.path("targetRef").asString();
                      if (!refs.contains(target)) {
                        dangling.add(e.path("metadata").path("name").asString() + " -> " + target);
                      }
                    }));
    assertThat(refs).hasSize(132);
    assertThat(dangling).isEmpty();
  }

  @Test
  void apiDefinitionsAreReadFromTheirFiles() {
    JsonNode api1 = api.get("/api/catalog/entities/by-name/api/default/tracking-api").json();
    assertThat(api1.path("spec").path("definition").asString()).contains("openapi");
  }

  @Test
  void exposesCatalogFiguresToPrometheus() {
    metrics.refresh();
    String text = api.get("/actuator/prometheus").body();
    assertThat(text).contains("tarmac_catalog_entities{kind=\"Component\"}");
    assertThat(text).contains("tarmac_catalog_processing_queue");
    assertThat(text).contains("tarmac_catalog_processing_errors");
    assertThat(text).contains("tarmac_catalog_last_change_age_seconds");
    assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
  }
}
