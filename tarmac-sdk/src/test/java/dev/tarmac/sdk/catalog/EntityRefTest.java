package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EntityRefTest {

  @Test
  void parsesEveryFormWithContextDefaults() {
    assertThat(EntityRef.parse("component:default/svc")).hasToString("component:default/svc");
    assertThat(EntityRef.parse("team-a", "group", "ops")).hasToString("group:ops/team-a");
    assertThat(EntityRef.parse("other/team-a", "group", "ops")).hasToString("group:other/team-a");
    assertThat(EntityRef.parse("user:jane", "group", "ops")).hasToString("user:ops/jane");
  }

  @Test
  void aColonAfterTheFirstSlashIsPartOfTheName() {
    EntityRef ref = EntityRef.parse("ns/a:b", "component", "default");
    assertThat(ref).isEqualTo(new EntityRef("component", "ns", "a:b"));
  }

  @Test
  void comparesCaseInsensitively() {
    assertThat(EntityRef.parse("Component:Default/My-Svc"))
        .isEqualTo(EntityRef.parse("component:default/my-svc"));
  }

  @Test
  void rejectsMalformedRefsWithBackstagesMessage() {
    assertThatThrownBy(() -> EntityRef.parse("component:/x"))
        .hasMessage(
            "Entity reference \"component:/x\" was not on the form [<kind>:][<namespace>/]<name>");
    assertThatThrownBy(() -> EntityRef.parse(":ns/x")).hasMessageContaining("was not on the form");
    assertThatThrownBy(() -> EntityRef.parse("svc"))
        .hasMessageContaining("had missing or empty kind");
  }

  @Test
  void readsTheRefOfAnEntity() {
    var mapper = JsonMapper.builder().build();
    assertThat(EntityRef.of(mapper.readTree("{\"kind\":\"API\",\"metadata\":{\"name\":\"Pets\"}}")))
        .hasToString("api:default/pets");
  }
}
