package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class EntityYamlTest {

  private static final String TWO_DOCS =
      """
      # a comment
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: one
        annotations:
          backstage.io/techdocs-ref: dir:.
      spec:
        owner: a
      ---
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: two
        tags:
          - x
          - y
        links:
          - url: https://example.com
            title: Home
      spec:
        type: team
      """;

  @Test
  void readsDocumentsWithTheirFileAndLineSkippingEmptyOnes() {
    List<EntityDocument> docs = EntityYaml.read("f.yaml", TWO_DOCS);
    assertThat(docs).extracting(EntityDocument::line).containsExactly(2, 12);
    assertThat(docs).extracting(EntityDocument::file).containsOnly("f.yaml");
    assertThat(docs.get(1).entity().path("metadata").path("name").asString()).isEqualTo("two");
    assertThat(EntityYaml.read("e.yaml", "# only a comment\n---\n")).isEmpty();
  }

  @Test
  void findsTheLineOfAField() {
    List<EntityDocument> docs = EntityYaml.read("f.yaml", TWO_DOCS);
    EntityDocument one = docs.get(0);
    EntityDocument two = docs.get(1);
    assertThat(EntityYaml.lineOf(one, "spec.owner")).isEqualTo(9);
    assertThat(EntityYaml.lineOf(one, "annotations.backstage.io/techdocs-ref")).isEqualTo(7);
    assertThat(EntityYaml.lineOf(two, "metadata.name")).isEqualTo(15);
    assertThat(EntityYaml.lineOf(two, "tags.1")).isEqualTo(18);
    assertThat(EntityYaml.lineOf(two, "metadata.tags.0")).isEqualTo(17);
    assertThat(EntityYaml.lineOf(two, "links.0.title")).isEqualTo(21);
    assertThat(EntityYaml.lineOf(two, "metadata.links.0.url")).isEqualTo(20);
  }

  @Test
  void aMissingFieldFallsBackToItsNearestParentThenTheDocument() {
    EntityDocument two = EntityYaml.read("f.yaml", TWO_DOCS).get(1);
    assertThat(EntityYaml.lineOf(two, "spec.children")).isEqualTo(22);
    assertThat(EntityYaml.lineOf(two, "relations")).isEqualTo(12);
    assertThat(EntityYaml.lineOf(two, "")).isEqualTo(12);
    EntityDocument copy = new EntityDocument("f.yaml", 3, two.entity().deepCopy());
    assertThat(EntityYaml.lineOf(copy, "spec.type")).isEqualTo(3);
  }

  @Test
  void readsJson() {
    List<EntityDocument> docs =
        EntityYaml.read(
            "e.json", "{\n  \"kind\": \"User\",\n  \"metadata\": {\"name\": \"j\"}\n}\n");
    assertThat(docs).singleElement().extracting(EntityDocument::line).isEqualTo(1);
    assertThat(docs.get(0).entity())
        .isEqualTo(
            JsonMapper.builder()
                .build()
                .readTree("{\"kind\":\"User\",\"metadata\":{\"name\":\"j\"}}"));
    assertThat(EntityYaml.lineOf(docs.get(0), "metadata.name")).isEqualTo(3);
  }

  @Test
  void keepsScalarTypesAsYamlOnePointTwoDoes() {
    var entity =
        EntityYaml.read("t.yaml", "a: '1'\nb: 1\nc: 1.5\nd: true\ne: yes\nf: null\ng: \"\"\n")
            .get(0)
            .entity();
    assertThat(entity.get("a").isString()).isTrue();
    assertThat(entity.get("b").isInt()).isTrue();
    assertThat(entity.get("c").isDouble()).isTrue();
    assertThat(entity.get("d").isBoolean()).isTrue();
    assertThat(entity.get("e").asString()).isEqualTo("yes");
    assertThat(entity.get("f").isNull()).isTrue();
    assertThat(entity.get("g").asString()).isEmpty();
  }

  @Test
  void expandsAliasesOfMappingsAndSequences() {
    var entity =
        EntityYaml.read(
                "t.yaml",
                """
                base: &base {owner: team-a, tags: &tags [x, y]}
                copy: *base
                more: *tags
                """)
            .get(0)
            .entity();
    assertThat(entity.get("copy")).isEqualTo(entity.get("base"));
    assertThat(entity.get("more").toString()).isEqualTo("[\"x\",\"y\"]");
  }

  @Test
  void aSyntaxErrorNamesFileLineAndReason() {
    EntityYamlException e =
        catchThrowableOfType(
            EntityYamlException.class, () -> EntityYaml.read("bad.yaml", "a: 1\n  b: 2\n"));
    assertThat(e.file()).isEqualTo("bad.yaml");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).isEqualTo("mapping values are not allowed here");
    assertThat(e).hasMessage("bad.yaml:2: mapping values are not allowed here");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a: 1\\nb:\\n\\t- x\\n | 3",
        "a: 1\\n- x\\n | 2",
        "a: 1\\nb: [unclosed\\nc: 2\\n | 3",
        "a: 1\\nb: [unclosed\\n | 2",
        "a: 1\\nb: 'unclosed\\n\\n | 2",
      })
  void theLineIsWhereTheParserGaveUpOrWhereAnUnclosedValueStarted(String yaml, int line) {
    String text = yaml.replace("\\n", "\n").replace("\\t", "\t");
    EntityYamlException e =
        catchThrowableOfType(EntityYamlException.class, () -> EntityYaml.read("f.yaml", text));
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.reason()).isNotBlank().doesNotContain("\n").doesNotContain("in reader");
  }

  @Test
  void aRepeatedKeyIsAnError() {
    EntityYamlException e =
        catchThrowableOfType(
            EntityYamlException.class,
            () -> EntityYaml.read("dup.yaml", "kind: A\nmetadata:\n  name: a\n  name: b\n"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.reason()).contains("\"name\" is repeated");
  }

  @Test
  void anAliasOfAPlainValueIsAnErrorRatherThanItsName() {
    EntityYamlException e =
        catchThrowableOfType(
            EntityYamlException.class, () -> EntityYaml.read("alias.yaml", "a: &x hello\nb: *x\n"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("*x");
  }
}
