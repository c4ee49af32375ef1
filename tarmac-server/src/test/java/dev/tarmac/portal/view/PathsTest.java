package dev.tarmac.portal.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathsTest {

  @Test
  void onlyWebMailAndLocalUrlsBecomeLinks() {
    assertThat(Paths.isSafeLink("https://grafana.example/d/x")).isTrue();
    assertThat(Paths.isSafeLink("http://h")).isTrue();
    assertThat(Paths.isSafeLink("mailto:team@example.test")).isTrue();
    assertThat(Paths.isSafeLink("/catalog/default/group/a")).isTrue();
    assertThat(Paths.isSafeLink("javascript:alert(1)")).isFalse();
    assertThat(Paths.isSafeLink("  JavaScript:alert(1)")).isFalse();
    assertThat(Paths.isSafeLink("data:text/html,<script>")).isFalse();
    assertThat(Paths.isSafeLink("//evil.example/x")).isFalse();
    assertThat(Paths.isSafeLink(null)).isFalse();
  }

  @Test
  void linksKeepTheirUrlForDisplayButOfferNoHrefWhenUnsafe() {
    assertThat(new EntityDetails.Link("javascript:x()", "t").href()).isNull();
    assertThat(new EntityDetails.Link("https://a.test", "t").href()).isEqualTo("https://a.test");
  }
}
