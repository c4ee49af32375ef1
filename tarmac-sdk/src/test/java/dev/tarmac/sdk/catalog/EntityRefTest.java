package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class EntityRefTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @CsvSource({
    "component:default/svc, , ops, component:default/svc",
    "team-a,                group, ops, group:ops/team-a",
    "other/team-a,          group, ops, group:other/team-a",
    "user:jane,             group, ops, user:ops/jane",
    "User:Jane,             group, ops, user:ops/jane",
    "Group:Default/Team-A,  ,      ops, group:default/team-a",
    "ns/a:b,                component, default, component:ns/a:b",
    "k:a:b,                 component, default, k:default/a:b",
    "a/b/c,                 component, default, component:a/b/c",
    "k:ns/a/b,              component, default, k:ns/a/b",
  })
  void parsesEveryFormWithContextDefaults(
      String ref, String defaultKind, String defaultNamespace, String canonical) {
    assertThat(EntityRef.parse(ref, defaultKind, defaultNamespace)).hasToString(canonical);
  }

  @Test
  void theOneArgumentFormNeedsAKindAndDefaultsTheNamespace() {
    assertThat(EntityRef.parse("api:pets")).isEqualTo(new EntityRef("api", "default", "pets"));
    assertThat(EntityRef.parse("api:pets", "component", null)).hasToString("api:default/pets");
    assertThatThrownBy(() -> EntityRef.parse("svc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Entity reference \"svc\" had missing or empty kind (e.g. did not start with"
                + " \"component:\" or similar)");
  }

  @Test
  void storesAndComparesLowerCase() {
    EntityRef ref = new EntityRef("Component", "Default", "My-Svc");
    assertThat(ref.kind()).isEqualTo("component");
    assertThat(ref.namespace()).isEqualTo("default");
    assertThat(ref.name()).isEqualTo("my-svc");
    assertThat(ref).isEqualTo(EntityRef.parse("component:default/my-svc"));
    assertThat(ref.hashCode()).isEqualTo(EntityRef.parse("COMPONENT:DEFAULT/MY-SVC").hashCode());
    assertThat(ref).hasToString("component:default/my-svc");
  }

  @Test
  void ordersByTheCanonicalForm() {
    TreeSet<EntityRef> refs =
        new TreeSet<>(
            List.of(
                EntityRef.parse("group:default/b"),
                EntityRef.parse("api:default/z"),
                EntityRef.parse("group:a/z")));
    assertThat(refs)
        .extracting(EntityRef::toString)
        .containsExactly("api:default/z", "group:a/z", "group:default/b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"component:/x", ":ns/x", ":x", "ns/", "component:", "", "/x", "k:ns/"})
  void rejectsMalformedRefsWithBackstagesMessage(String ref) {
    assertThatThrownBy(() -> EntityRef.parse(ref, "component", "default"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>");
  }

  @Test
  void acceptsCompoundRefs() {
    assertThat(
            EntityRef.parse(JSON.readTree("{\"kind\":\"User\",\"name\":\"Jane\"}"), "group", "ns"))
        .hasToString("user:ns/jane");
    assertThat(
            EntityRef.parse(JSON.readTree("{\"namespace\":\"x\",\"name\":\"t\"}"), "group", "ns"))
        .hasToString("group:x/t");
    assertThat(EntityRef.parse(JSON.readTree("\"api:pets\""), null, "ns"))
        .hasToString("api:ns/pets");
    assertThatThrownBy(() -> EntityRef.parse(JSON.readTree("{\"name\":\"t\"}"), null, "ns"))
        .hasMessageContaining("had missing or empty kind");
    assertThatThrownBy(() -> EntityRef.parse(JSON.readTree("{\"kind\":\"api\"}"), null, "ns"))
        .hasMessageContaining("was not on the form");
    assertThatThrownBy(() -> EntityRef.parse(JSON.readTree("42"), "group", "ns"))
        .hasMessageContaining("must be a string or an object");
  }

  @Test
  void readsTheRefOfAnEntity() {
    assertThat(EntityRef.of(JSON.readTree("{\"kind\":\"API\",\"metadata\":{\"name\":\"Pets\"}}")))
        .hasToString("api:default/pets");
    assertThat(
            EntityRef.of(
                JSON.readTree(
                    "{\"kind\":\"Group\",\"metadata\":{\"name\":\"t\",\"namespace\":\"Ops\"}}")))
        .hasToString("group:ops/t");
    assertThatThrownBy(() -> EntityRef.of(JSON.readTree("{\"kind\":\"API\",\"metadata\":{}}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityRef.of(JSON.readTree("{\"metadata\":{\"name\":\"x\"}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
