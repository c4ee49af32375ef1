package dev.tarmac.sdk.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpressionsTest {

  private final Expressions expressions = new Expressions();
  private final Map<String, Object> context =
      Map.of(
          "parameters",
          Map.of(
              "n",
              3L,
              "flag",
              true,
              "tags",
              List.of("a", "b"),
              "repoUrl",
              "gitlab.example?owner=g&repo=r&project=p"));

  private JsonNode eval(String text) {
    return expressions.evaluate(Values.JSON.getNodeFactory().stringNode(text), context, "test");
  }

  @Test
  void aSingleExpressionKeepsItsJsonType() {
    assertThat(eval("${{ parameters.n }}").isNumber()).isTrue();
    assertThat(eval("${{ parameters.flag }}").booleanValue()).isTrue();
    assertThat(eval("${{ parameters.tags }}").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(eval("n=${{ parameters.n }}").asString()).isEqualTo("n=3");
    assertThat(eval("${{ parameters.missing }}").isMissingNode()).isTrue();
  }

  @Test
  void backstageFilters() {
    assertThat(eval("${{ parameters.repoUrl | parseRepoUrl }}").toString())
        .isEqualTo(
            "{\"host\":\"gitlab.example\",\"owner\":\"g\",\"repo\":\"r\",\"project\":\"p\"}");
    assertThat(eval("${{ parameters.repoUrl | projectSlug }}").asString()).isEqualTo("g/r");
    assertThat(eval("${{ 'user:jo' | parseEntityRef | pick('kind') }}").asString())
        .isEqualTo("user");
    assertThat(eval("${{ parameters.tags | dump }}").asString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void theSandboxExposesNoJavaObjectsFilesOrEnvironment() {
    assertThatThrownBy(() -> eval("x${{ parameters.getClass() }}"))
        .hasMessageContaining("Cannot find method 'getClass'");
    assertThatThrownBy(() -> eval("${{ parameters.tags.getClass().forName('java.lang.Runtime') }}"))
        .isInstanceOf(ScaffolderException.class);
    assertThatThrownBy(() -> expressions.render("{% include '/etc/passwd' %}", context, "t"))
        .hasMessageContaining("expression error");
    assertThat(expressions.render("${{ env }}${{ System }}", context, "t")).isEmpty();
  }

  @Test
  void outputAndLoopsAreBounded() {
    assertThat(expressions.render("{% for i in range(100000000) %}x{% endfor %}", context, "t"))
        .hasSizeLessThanOrEqualTo(10_000);
    assertThatThrownBy(
            () ->
                expressions.render(
                    "{% for i in range(1000) %}{% for j in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
                    context, "t"))
        .isInstanceOf(ScaffolderException.class);
  }

  @Test
  void unknownFiltersAreErrors() {
    assertThatThrownBy(() -> eval("${{ parameters.n | nope }}"))
        .hasMessageContaining("unknown filter 'nope'");
  }
}
