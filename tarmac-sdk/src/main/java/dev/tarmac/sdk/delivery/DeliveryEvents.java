package dev.tarmac.sdk.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads delivery events from JSON (camelCase fields) and checks them; every problem is a {@link
 * DeliveryEventException} naming the field.
 */
public final class DeliveryEvents {

  private static final Set<String> STATUSES = Set.of("success", "failure", "cancelled");

  private DeliveryEvents() {}

  /** A deployment; {@code at} prefixes field names in errors (for example {@code [3].}). */
  public static Deployment deployment(JsonNode n, String at) {
    object(n, at);
    String id = text(n, at, "id", true);
    String service = text(n, at, "service", true);
    String environment = text(n, at, "environment", true).toLowerCase(Locale.ROOT);
    List<String> shas = new ArrayList<>();
    JsonNode list = n.get("commitShas");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new DeliveryEventException(at + "commitShas", "must be an array of commit ids");
      }
      for (JsonNode s : list) {
        shas.add(s.asString());
      }
    }
    String status = text(n, at, "status", true).toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new DeliveryEventException(at + "status", "must be success, failure or cancelled");
    }
    Instant started = time(n, at, "startedAt", false);
    Instant finished = time(n, at, "finishedAt", true);
    if (started != null && finished.isBefore(started)) {
      throw new DeliveryEventException(at + "finishedAt", "is before startedAt");
    }
    return new Deployment(id, service, environment, shas, started, finished, status);
  }

  /** A change. */
  public static Change change(JsonNode n, String at) {
    object(n, at);
    String sha = text(n, at, "sha", true);
    String service = text(n, at, "service", true);
    Instant authored = time(n, at, "authoredAt", false);
    Instant committed = time(n, at, "committedAt", authored == null);
    Change.PullRequest pr = null;
    JsonNode p = n.get("pr");
    if (p != null && !p.isNull()) {
      object(p, at + "pr.");
      Instant opened = time(p, at + "pr.", "openedAt", false);
      Instant merged = time(p, at + "pr.", "mergedAt", false);
      if (opened != null && merged != null && merged.isBefore(opened)) {
        throw new DeliveryEventException(at + "pr.mergedAt", "is before openedAt");
      }
      pr = new Change.PullRequest(text(p, at + "pr.", "id", true), opened, merged);
    }
    return new Change(sha, service, authored, committed, pr);
  }

  /** An incident. */
  public static Incident incident(JsonNode n, String at) {
    object(n, at);
    String id = text(n, at, "id", true);
    String service = text(n, at, "service", true);
    Instant opened = time(n, at, "openedAt", true);
    Instant resolved = time(n, at, "resolvedAt", false);
    if (resolved != null && resolved.isBefore(opened)) {
      throw new DeliveryEventException(at + "resolvedAt", "is before openedAt");
    }
    String cause = text(n, at, "causedByDeployment", false);
    return new Incident(id, service, opened, resolved, cause);
  }

  /** Parses a timestamp that must carry a zone or offset, for example 2024-05-01T10:00:00Z. */
  public static Instant instant(String value, String field) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new DeliveryEventException(
          field, "must be an ISO-8601 timestamp with a zone offset, like 2024-05-01T10:00:00Z");
    }
  }

  private static void object(JsonNode n, String at) {
    if (n == null || !n.isObject()) {
      throw new DeliveryEventException(at.isEmpty() ? "$" : at, "must be a JSON object");
    }
  }

  private static String text(JsonNode n, String at, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
      if (required) {
        throw new DeliveryEventException(at + field, "is required");
      }
      return null;
    }
    if (!v.isString() && !v.isNumber()) {
      throw new DeliveryEventException(at + field, "must be a string");
    }
    return v.asString();
  }

  private static Instant time(JsonNode n, String at, String field, boolean required) {
    String v = text(n, at, field, required);
    return v == null ? null : instant(v, at + field);
  }
}
