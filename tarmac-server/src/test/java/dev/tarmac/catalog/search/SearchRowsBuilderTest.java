package dev.tarmac.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.shared.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRowsBuilderTest {

  @Test
  void flattensLikeBackstageSearchRows() {
    List<SearchRow> rows =
        SearchRowsBuilder.rows(
            Json.parse(
                """
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component",
         "metadata":{"name":"Svc","tags":["java","Web"],"annotations":{"a.io/x":"Y"}},
         "spec":{"type":"service","replicas":3,"public":true},
         "relations":[{"type":"ownedBy","targetRef":"group:default/team-a"}],
         "status":{"items":[{"type":"t"}]}}
        """));
    assertThat(rows)
        .contains(
            new SearchRow("kind", "component", "Component"),
            new SearchRow("metadata.name", "svc", "Svc"),
            new SearchRow("metadata.tags", "java", "java"),
            new SearchRow("metadata.tags", "web", "Web"),
            new SearchRow("metadata.tags.java", "true", "true"),
            new SearchRow("metadata.annotations.a.io/x", "y", "Y"),
            new SearchRow("spec.replicas", "3", "3"),
            new SearchRow("spec.public", "true", "true"),
            new SearchRow("relations.ownedby", "group:default/team-a", "group:default/team-a"));
    assertThat(rows).noneMatch(r -> r.key().startsWith("status"));
  }

  @Test
  void longValuesAreIndexedAsNullAndLongKeysSkipped() {
    String longValue = "x".repeat(201);
    String longKey = "k".repeat(201);
    List<SearchRow> rows =
        SearchRowsBuilder.rows(
            Json.parse(
                "{\"kind\":\"API\",\"spec\":{\"definition\":\""
                    + longValue
                    + "\",\""
                    + longKey
                    + "\":\"v\"}}"));
    assertThat(rows).contains(new SearchRow("spec.definition", null, null));
    assertThat(rows).noneMatch(r -> r.key().contains(longKey));
  }
}
