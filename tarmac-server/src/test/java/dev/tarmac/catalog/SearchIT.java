package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** Full-text search over the demo organisation, in Backstage's search result shape. */
@TarmacTest
class SearchIT {

  @Autowired Environment env;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    Await.until(
        "the demo organisation to be searchable",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/search/query?term=shipment-tracker")
                    .json()
                    .path("numberOfResults")
                    .asLong()
                > 0);
  }

  @Test
  void findsAnEntityByNameFirst() {
    JsonNode r = api.get("/api/search/query?term=shipment%20tracker").json();
    JsonNode first = r.path("results").get(0);
    assertThat(first.path("type").asString()).isEqualTo("software-catalog");
    assertThat(first.path("document").path("name").asString()).isEqualTo("shipment-tracker");
    assertThat(first.path("document").path("location").asString())
        .isEqualTo("/catalog/default/component/shipment-tracker");
  }

  @Test
  void findsPeopleByTheirDisplayNameAndEmail() {
    // Backstage's collator writes a user's display name and email (a group's display name) into
    // the hit's text, after the description.
    JsonNode r = api.get("/api/search/query?term=okafor").json();
    JsonNode doc = r.path("results").get(0).path("document");
    assertThat(doc.path("name").asString()).isEqualTo("amara.okafor");
    assertThat(doc.path("title").asString()).isEqualTo("amara.okafor");
    assertThat(doc.path("text").asString())
        .isEqualTo(
            "Staff engineer in Shipment Core and chair of the logistics architecture forum."
                + " : Amara Okafor : amara.okafor@northwind.example");
    JsonNode byEmail = api.get("/api/search/query?term=amara.okafor%40northwind.example").json();
    assertThat(byEmail.path("results").get(0).path("document").path("name").asString())
        .isEqualTo("amara.okafor");
  }

  @Test
  void searchesAsYouTypeWithPrefixes() {
    JsonNode r = api.get("/api/search/query?term=shipme").json();
    assertThat(r.path("results").toString()).contains("shipment-tracker");
  }

  @Test
  void filtersByKindLifecycleAndTag() {
    JsonNode r = api.get("/api/search/query?filters%5Bkind%5D=API&filters%5Btag%5D=graphql").json();
    assertThat(r.path("numberOfResults").asLong()).isPositive();
    r.path("results")
        .forEach(x -> assertThat(x.path("document").path("kind").asString()).isEqualTo("API"));
    JsonNode none =
        api.get("/api/search/query?term=tracker&filters%5Blifecycle%5D=nonexistent").json();
    assertThat(none.path("numberOfResults").asLong()).isZero();
  }

  @Test
  void pagesWithCursors() {
    JsonNode first = api.get("/api/search/query?pageLimit=10").json();
    assertThat(first.path("results")).hasSize(10);
    String next = first.path("nextPageCursor").asString();
    JsonNode second = api.get("/api/search/query?pageLimit=10&pageCursor=" + next).json();
    assertThat(second.path("results").get(0).path("rank").asInt()).isEqualTo(11);
    assertThat(second.path("previousPageCursor").isString()).isTrue();
  }

  @Test
  void anUnknownFilterIsABadRequest() {
    Api.Response r = api.get("/api/search/query?filters%5Bcolour%5D=red");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("colour");
  }
}
