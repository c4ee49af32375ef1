package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.sdk.delivery.DeliveryEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Helpers shared by the GitHub and GitLab webhook endpoints. */
final class Webhooks {

  private static final DateTimeFormatter GITLAB =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

  private Webhooks() {}

  /** Checks GitHub's {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body); 401 if wrong. */
  static void checkGitHubSignature(String secret, String header, byte[] body) {
    if (secret == null || secret.isBlank()) {
      throw new DeliveryException(
          401,
          "X-Hub-Signature-256",
          "GitHub webhooks are not configured (tarmac.metrics.github-secret)");
    }
    if (header == null || !header.startsWith("sha256=")) {
      throw new DeliveryException(401, "X-Hub-Signature-256", "X-Hub-Signature-256 is missing");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
      if (!MessageDigest.isEqual(expected, given)) {
        throw new DeliveryException(
            401, "X-Hub-Signature-256", "X-Hub-Signature-256 does not match the body");
      }
    } catch (IllegalArgumentException e) {
      throw new DeliveryException(401, "X-Hub-Signature-256", "X-Hub-Signature-256 is not hex");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks GitLab's {@code X-Gitlab-Token}; 401 if wrong. */
  static void checkGitLabToken(String token, String header) {
    if (token == null || token.isBlank()) {
      throw new DeliveryException(
          401,
          "X-Gitlab-Token",
          "GitLab webhooks are not configured (tarmac.metrics.gitlab-token)");
    }
    if (header == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
      throw new DeliveryException(401, "X-Gitlab-Token", "X-Gitlab-Token does not match");
    }
  }

  /** A required text field at a path like {@code deployment.sha}. */
  static String text(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    if (n == null || n.isNull() || n.asString().isBlank()) {
      throw DeliveryException.badInput(path, "is required");
    }
    return n.asString();
  }

  /** An optional text field. */
  static String optional(JsonNode root, String path) {
    try {
      return text(root, path);
    } catch (DeliveryException e) {
      return null;
    }
  }

  /** A timestamp in ISO-8601 or GitLab's {@code 2021-04-28 21:50:00 +0200} / {@code ... UTC}. */
  static Instant time(JsonNode root, String path) {
    String v = optional(root, path);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.replace(" UTC", " +0000"), GITLAB).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return DeliveryEvents.instant(v, path);
      } catch (RuntimeException e2) {
        throw DeliveryException.badInput(path, "is not a timestamp with a zone");
      }
    }
  }
}
