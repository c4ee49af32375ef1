package dev.tarmac.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.shared.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhooksTest {

  // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
  static final String SECRET = "It's a Secret to Everybody";
  static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void acceptsGitHubsDocumentedSignature() {
    Webhooks.checkGitHubSignature(SECRET, SIGNATURE, BODY);
  }

  @Test
  void refusesWrongMissingOrUnconfiguredSignatures() {
    assertStatus401(() -> Webhooks.checkGitHubSignature("other", SIGNATURE, BODY));
    assertStatus401(() -> Webhooks.checkGitHubSignature(SECRET, null, BODY));
    assertStatus401(() -> Webhooks.checkGitHubSignature(SECRET, "sha256=zz", BODY));
    assertStatus401(() -> Webhooks.checkGitHubSignature(null, SIGNATURE, BODY));
    assertStatus401(() -> Webhooks.checkGitLabToken("t", "u"));
    assertStatus401(() -> Webhooks.checkGitLabToken("", ""));
    Webhooks.checkGitLabToken("t", "t");
  }

  @Test
  void readsGitLabAndIsoTimestamps() {
    var n =
        Json.parse(
            "{\"a\":\"2021-04-28 21:50:00 +0200\",\"b\":\"2013-12-03 17:23:34 UTC\",\"c\":\"2024-01-01T00:00:00Z\"}");
    assertThat(Webhooks.time(n, "a")).isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
    assertThat(Webhooks.time(n, "b")).isEqualTo(Instant.parse("2013-12-03T17:23:34Z"));
    assertThat(Webhooks.time(n, "c")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  private static void assertStatus401(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.status()).isEqualTo(401));
  }
}
