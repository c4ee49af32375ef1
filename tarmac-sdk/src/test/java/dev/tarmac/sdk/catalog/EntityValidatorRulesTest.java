package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The validator's behaviour beyond single rules: all problems, once each, in order, fast. */
class EntityValidatorRulesTest {

  private static final EntityValidator VALIDATOR = EntityValidator.standard();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<ValidationProblem> validate(String yaml) {
    return VALIDATOR.validate(EntityYaml.read("t.yaml", yaml).get(0).entity());
  }

  @Test
  void reportsEveryProblemInPipelineOrder() {
    List<ValidationProblem> problems =
        validate(
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: Bad Name
              namespace: Team
              tags: [ok, Not_Ok]
              annotations: {example.com/n: 1}
              title: ""
            spec:
              type: service
              lifecycle: production
            status: {}
            """);
    assertThat(problems)
        .extracting(ValidationProblem::field)
        .containsExactly(
            "status",
            "metadata.name",
            "metadata.namespace",
            "annotations.example.com/n",
            "tags.1",
            "metadata.title",
            "spec.owner");
  }

  @Test
  void aFieldFlaggedByAFormatRuleIsNotReportedAgainByTheSchema() {
    List<ValidationProblem> problems =
        validate(
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: c, tags: [""], annotations: {a: {b: 1}}, links: [{url: ""}]}
            spec: {type: service, lifecycle: production, owner: me}
            """);
    assertThat(problems)
        .extracting(ValidationProblem::field)
        .containsExactly("annotations.a", "tags.0", "links.0.url");
  }

  @Test
  void formatMessagesHaveBackstagesShape() {
    assertThat(
            validate("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a_}\n"))
        .first()
        .isEqualTo(
            new ValidationProblem(
                "metadata.name",
                "\"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9]"
                    + " separated by any of [-_.], at most 63 characters in total but found \"a_\"."
                    + " To learn more about catalog file format, visit:"
                    + " https://github.com/backstage/backstage/blob/master/docs/"
                    + "architecture-decisions/adr002-default-catalog-file-format.md"));
  }

  @Test
  void schemaErrorsNameTheFieldAsADotPath() {
    assertThat(
            validate(
                """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: g}
                spec: {type: team, children: [a, 5]}
                """))
        .extracting(ValidationProblem::field, ValidationProblem::message)
        .containsExactly(tuple("spec.children.1", "must be string"));
  }

  @Test
  void aKindIsMatchedExactlyAndPerApiVersion() {
    assertThat(validate("apiVersion: backstage.io/v1alpha1\nkind: Widget\nmetadata: {name: w}\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("kind");
              assertThat(p.message()).startsWith("Unknown kind \"Widget\" for apiVersion");
            });
    assertThat(
            validate(
                "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Component\n"
                    + "metadata: {name: c}\nspec: {type: s, lifecycle: l, owner: o}\n"))
        .extracting(ValidationProblem::field)
        .containsExactly("kind");
  }

  @Test
  void somethingOtherThanAnObjectIsNotAnEntity() {
    assertThat(VALIDATOR.validate(JSON.readTree("[1]")))
        .containsExactly(new ValidationProblem("", "An entity must be an object"));
    assertThat(VALIDATOR.validate(null)).hasSize(1);
  }

  @Test
  void theDefaultNamespaceTheServerAddsIsValid() {
    ObjectNode entity =
        (ObjectNode)
            JSON.readTree(
                "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"User\","
                    + "\"metadata\":{\"name\":\"jane\",\"namespace\":\"default\"},"
                    + "\"spec\":{\"memberOf\":[]}}");
    assertThat(VALIDATOR.validate(entity)).isEmpty();
  }

  @Test
  void isSharedThreadSafeAndFast() throws Exception {
    assertThat(EntityValidator.standard()).isSameAs(VALIDATOR);
    JsonNode valid =
        JSON.readTree(
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                + "\"metadata\":{\"name\":\"svc\",\"tags\":[\"java\"],"
                + "\"annotations\":{\"backstage.io/techdocs-ref\":\"dir:.\"},"
                + "\"links\":[{\"url\":\"https://example.com\"}]},"
                + "\"spec\":{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"a\","
                + "\"providesApis\":[\"x\"],\"dependsOn\":[\"resource:db\"]}}");
    JsonNode invalid =
        JSON.readTree(
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"API\","
                + "\"metadata\":{\"name\":\"a b\"},\"spec\":{}}");
    List<ValidationProblem> expected = VALIDATOR.validate(invalid);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long start = System.nanoTime();
      List<Future<Boolean>> results =
          List.of(
              pool.submit(() -> run(5_000, valid, invalid, expected)),
              pool.submit(() -> run(5_000, valid, invalid, expected)));
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
      // 10,000 validations; generous for a shared CI machine, tight enough to catch per-call
      // schema compilation (which takes minutes).
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean run(
      int n, JsonNode valid, JsonNode invalid, List<ValidationProblem> expected) {
    for (int i = 0; i < n; i++) {
      if (!VALIDATOR
          .validate(i % 2 == 0 ? valid : invalid)
          .equals(i % 2 == 0 ? List.of() : expected)) {
        return false;
      }
    }
    return true;
  }
}
