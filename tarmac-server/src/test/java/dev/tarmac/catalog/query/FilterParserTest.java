package dev.tarmac.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.shared.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

  @Test
  void statementsInOneFilterAreAndedAndRepeatedKeysBecomeIn() {
    EntityPredicate p = FilterParser.parse(List.of("kind=component,kind=api,spec.type=service"));
    assertThat(p)
        .isEqualTo(
            new EntityPredicate.AllOf(
                List.of(
                    new EntityPredicate.Key("kind", List.of("component", "api")),
                    new EntityPredicate.Key("spec.type", List.of("service")))));
  }

  @Test
  void severalFiltersAreOredAndAKeyAloneMeansExists() {
    EntityPredicate p = FilterParser.parse(List.of("kind=user", "metadata.annotations.x"));
    assertThat(p)
        .isEqualTo(
            new EntityPredicate.AnyOf(
                List.of(
                    new EntityPredicate.Key("kind", List.of("user")),
                    new EntityPredicate.Key("metadata.annotations.x", List.of()))));
  }

  @Test
  void valuesMayContainEqualsSigns() {
    assertThat(FilterParser.parse(List.of("metadata.annotations.a=b=c")))
        .isEqualTo(new EntityPredicate.Key("metadata.annotations.a", List.of("b=c")));
  }

  @Test
  void noFilterMeansEverything() {
    assertThat(FilterParser.parse((List<String>) null)).isNull();
    assertThat(FilterParser.parse(List.of(""))).isNull();
  }

  @Test
  void anEmptyKeyIsAnInputError() {
    assertThatThrownBy(() -> FilterParser.parse(List.of("=component")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("key is empty");
  }

  @Test
  void parsesTheJsonForm() {
    EntityPredicate p =
        FilterParser.parse(
            Json.parse(
                "{\"allOf\":[{\"key\":\"kind\",\"values\":[\"group\"]},{\"not\":{\"key\":\"spec.parent\"}}]}"));
    assertThat(p)
        .isEqualTo(
            new EntityPredicate.AllOf(
                List.of(
                    new EntityPredicate.Key("kind", List.of("group")),
                    new EntityPredicate.Not(new EntityPredicate.Key("spec.parent", List.of())))));
    assertThatThrownBy(() -> FilterParser.parse(Json.parse("{\"foo\":1}")))
        .isInstanceOf(CatalogException.class);
  }
}
