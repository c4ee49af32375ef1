package dev.tarmac.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.search.SearchIndex;
import dev.tarmac.shared.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Filters, ordering, paging and facets answered by the catalog index, as the API defines them. */
class EntityQueriesTest {

  private SearchIndex index;
  private EntityQueries queries;
  private int catchUps;

  @BeforeEach
  void index() {
    index = new SearchIndex();
    queries = new EntityQueries(index, () -> catchUps++);
    component("payments", "service", "production", "team-a", "Payments", List.of("java", "pci"));
    component("ledger", "Service", "experimental", "team-a", null, List.of("java"));
    component("web-shop", "website", "production", "team-b", "Web Shop", List.of());
    component("batch", null, "production", "team-b", "a*b", List.of("python"));
    api("payments-api", "openapi", "team-a");
    index.refresh();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void keysAndValuesMatchCaseInsensitively() {
    assertThat(names(filter("KIND=component,Spec.Type=SERVICE")))
        .containsExactly("ledger", "payments");
    assertThat(names(filter("spec.type"))).hasSize(4);
    assertThat(names(filter("metadata.tags.java"))).containsExactly("ledger", "payments");
    assertThat(catchUps).isPositive();
  }

  @Test
  void repeatedKeysAreAlternativesAndSeveralFiltersAreToo() {
    assertThat(names(filter("spec.type=website,spec.type=openapi")))
        .containsExactly("payments-api", "web-shop");
    assertThat(names(FilterParser.parse(List.of("spec.lifecycle=experimental", "kind=api"))))
        .containsExactly("payments-api", "ledger");
    assertThat(names(FilterParser.parse(List.of("spec.lifecycle=experimental,kind=api"))))
        .isEmpty();
  }

  @Test
  void notAndEmptyCombinationsFollowTheJsonFilterForm() {
    EntityPredicate notJava =
        FilterParser.parse(
            Json.parse("{\"not\": {\"key\": \"metadata.tags\", \"values\": [\"java\"]}}"));
    assertThat(names(notJava)).containsExactly("payments-api", "batch", "web-shop");
    assertThat(names(FilterParser.parse(Json.parse("{\"anyOf\": []}")))).isEmpty();
    assertThat(names(FilterParser.parse(Json.parse("{\"allOf\": []}")))).hasSize(5);
  }

  @Test
  void ordersByTheSmallestValueWithMissingValuesLastInBothDirections() {
    List<EntityQuery.Order> asc = List.of(new EntityQuery.Order("metadata.title", true));
    List<EntityQuery.Order> desc = List.of(new EntityQuery.Order("metadata.title", false));
    // Titles lower-cased: "a*b", "payments", "web shop"; payments-api and ledger have none and
    // keep entity-ref order (api:… before component:…).
    assertThat(names(new EntityQuery(null, asc, null, List.of(), -1, 0)))
        .containsExactly("batch", "payments", "web-shop", "payments-api", "ledger");
    assertThat(names(new EntityQuery(null, desc, null, List.of(), -1, 0)))
        .containsExactly("web-shop", "payments", "batch", "payments-api", "ledger");
    // Ties keep entity-ref order; a second key breaks them first.
    List<EntityQuery.Order> byOwnerThenName =
        List.of(
            new EntityQuery.Order("spec.owner", true),
            new EntityQuery.Order("metadata.name", false));
    assertThat(names(new EntityQuery(null, byOwnerThenName, null, List.of(), -1, 0)))
        .containsExactly("payments-api", "payments", "ledger", "web-shop", "batch");
  }

  @Test
  void pagesWithOffsetAndLimitAndCountsAllMatches() {
    EntityQuery page = new EntityQuery(null, List.of(), null, List.of(), 2, 1);
    // Entity-ref order: api:default/payments-api, then components batch, ledger, payments,
    // web-shop.
    assertThat(names(page)).containsExactly("batch", "ledger");
    assertThat(queries.count(page)).isEqualTo(5);
    EntityQueries.Page together = queries.pageUtf8(page);
    assertThat(together.total()).isEqualTo(5);
    assertThat(together.items())
        .extracting(json -> Json.parse(json).path("metadata").path("name").asString())
        .containsExactly("batch", "ledger");
    EntityQuery sorted =
        new EntityQuery(
            null, List.of(new EntityQuery.Order("metadata.name", false)), null, List.of(), 2, 3);
    // Names descending: web-shop, payments-api, payments, ledger, batch.
    assertThat(names(sorted)).containsExactly("ledger", "batch");
  }

  @Test
  void fullTextIsASubstringOfOneOfTheFieldsWithWildcardsTakenLiterally() {
    assertThat(names(new EntityQuery(null, List.of(), "PAY", List.of("metadata.name"), -1, 0)))
        .containsExactly("payments-api", "payments");
    assertThat(
            names(
                new EntityQuery(
                    null, List.of(), "shop", List.of("metadata.title", "spec.type"), -1, 0)))
        .containsExactly("web-shop");
    assertThat(names(new EntityQuery(null, List.of(), "*", List.of("metadata.title"), -1, 0)))
        .containsExactly("batch");
  }

  @Test
  void facetsCountEntitiesPerValueAsWrittenOverTheMatchesOnly() {
    Map<String, List<EntityQueries.FacetCount>> all =
        queries.facets(List.of("spec.type", "metadata.tags"), null);
    assertThat(all.get("spec.type"))
        .containsExactly(
            new EntityQueries.FacetCount("Service", 1),
            new EntityQueries.FacetCount("openapi", 1),
            new EntityQueries.FacetCount("service", 1),
            new EntityQueries.FacetCount("website", 1));
    assertThat(all.get("metadata.tags"))
        .containsExactly(
            new EntityQueries.FacetCount("java", 2),
            new EntityQueries.FacetCount("pci", 1),
            new EntityQueries.FacetCount("python", 1));
    assertThat(
            queries
                .facets(List.of("spec.lifecycle"), filter("spec.owner=team-b"))
                .get("spec.lifecycle"))
        .containsExactly(new EntityQueries.FacetCount("production", 2));
  }

  @Test
  void facetsCountEachWayAValueIsWrittenOncePerEntity() {
    component("mixed", "Service", "production", "team-c", null, List.of("Java", "java", "JAVA"));
    component("upper", "SERVICE", "production", "team-c", null, List.of("Java", "Java"));
    index.refresh();
    assertThat(queries.facets(List.of("metadata.tags"), null).get("metadata.tags"))
        .containsExactly(
            new EntityQueries.FacetCount("JAVA", 1),
            new EntityQueries.FacetCount("Java", 2),
            new EntityQueries.FacetCount("java", 3),
            new EntityQueries.FacetCount("pci", 1),
            new EntityQueries.FacetCount("python", 1));
    assertThat(queries.facets(List.of("spec.type"), filter("spec.owner=team-c")).get("spec.type"))
        .containsExactly(
            new EntityQueries.FacetCount("SERVICE", 1), new EntityQueries.FacetCount("Service", 1));
    assertThat(queries.facets(List.of("spec.type"), filter("spec.type=service")).get("spec.type"))
        .containsExactly(
            new EntityQueries.FacetCount("SERVICE", 1),
            new EntityQueries.FacetCount("Service", 2),
            new EntityQueries.FacetCount("service", 1));
  }

  @Test
  void aReplacedEntityIsCountedOnceWithItsNewValues() {
    component("ledger", "library", "production", "team-c", null, List.of());
    index.refresh();
    assertThat(names(filter("spec.type=service"))).containsExactly("payments");
    assertThat(queries.facets(List.of("spec.owner"), null).get("spec.owner"))
        .containsExactly(
            new EntityQueries.FacetCount("team-a", 2),
            new EntityQueries.FacetCount("team-b", 2),
            new EntityQueries.FacetCount("team-c", 1));
    index.remove("component:default/ledger");
    index.refresh();
    assertThat(queries.count(EntityQuery.all(null))).isEqualTo(4);
  }

  private static EntityPredicate filter(String filter) {
    return FilterParser.parse(List.of(filter));
  }

  private List<String> names(EntityPredicate filter) {
    return names(EntityQuery.all(filter));
  }

  private List<String> names(EntityQuery q) {
    return queries.page(q).stream()
        .map(json -> Json.parse(json).path("metadata").path("name").asString())
        .toList();
  }

  private void component(
      String name, String type, String lifecycle, String owner, String title, List<String> tags) {
    StringBuilder json =
        new StringBuilder("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",");
    json.append("\"metadata\":{\"name\":\"").append(name).append("\",\"namespace\":\"default\"");
    if (title != null) {
      json.append(",\"title\":\"").append(title).append('"');
    }
    json.append(",\"tags\":").append(Json.write(tags)).append("},\"spec\":{");
    if (type != null) {
      json.append("\"type\":\"").append(type).append("\",");
    }
    json.append("\"lifecycle\":\"")
        .append(lifecycle)
        .append("\",\"owner\":\"")
        .append(owner)
        .append("\"}}");
    index.putEntity(json.toString());
  }

  private void api(String name, String type, String owner) {
    JsonNode e =
        Json.parse(
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"API\",\"metadata\":{\"name\":\""
                + name
                + "\",\"namespace\":\"default\"},\"spec\":{\"type\":\""
                + type
                + "\",\"lifecycle\":\"production\",\"owner\":\""
                + owner
                + "\",\"definition\":\"openapi: 3.0.0\"}}");
    index.putEntity(Json.write(e));
  }
}
