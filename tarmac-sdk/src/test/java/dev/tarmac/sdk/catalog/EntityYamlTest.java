package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityYamlTest {

  private static final String TWO_DOCS =
      """
      # a comment
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: one
      spec:
        owner: a
      ---
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: two
        tags: [x]
      spec:
        type: team
      """;

  @Test
  void readsDocumentsWithTheirLinesSkippingEmptyOnes() {
    List<EntityDocument> docs = EntityYaml.read("f.yaml", TWO_DOCS);
    assertThat(docs).extracting(EntityDocument::line).containsExactly(2, 10);
    assertThat(docs.get(1).entity().path("metadata").path("name").asString()).isEqualTo("two");
  }

  @Test
  void findsTheLineOfAField() {
    List<EntityDocument> docs = EntityYaml.read("f.yaml", TWO_DOCS);
    assertThat(EntityYaml.lineOf(TWO_DOCS, docs.get(0), "spec.owner")).isEqualTo(7);
    assertThat(EntityYaml.lineOf(TWO_DOCS, docs.get(1), "metadata.name")).isEqualTo(13);
    assertThat(EntityYaml.lineOf(TWO_DOCS, docs.get(1), "tags.0")).isEqualTo(10);
    assertThat(EntityYaml.lineOf(TWO_DOCS, docs.get(1), "metadata.tags.0")).isEqualTo(14);
  }

  @Test
  void aSyntaxErrorNamesFileAndLine() {
    assertThatThrownBy(() -> EntityYaml.read("bad.yaml", "a: 1\nb: [unclosed\nc: 2\n"))
        .isInstanceOf(EntityYamlException.class)
        .hasMessageStartingWith("bad.yaml:");
  }
}
