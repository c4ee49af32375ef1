package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.metrics.MetricsSettings;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * GitLab webhooks: deployment events (final states), merged merge requests and pushes; the service
 * is the project's path.
 */
@RestController
class GitLabWebhookController {

  private final DeliveryMetrics metrics;
  private final MetricsSettings settings;

  GitLabWebhookController(DeliveryMetrics metrics, MetricsSettings settings) {
    this.metrics = metrics;
    this.settings = settings;
  }

  @PostMapping(path = "/api/delivery/webhooks/gitlab", consumes = "*/*")
  IntakeResult receive(
      @RequestHeader(name = "X-Gitlab-Token", required = false) String token,
      @RequestBody(required = false) String body) {
    Webhooks.checkGitLabToken(settings.gitlabToken(), token);
    JsonNode root = EventBodies.parse(body);
    DeliveryController.Events events = new DeliveryController.Events();
    String kind = Webhooks.text(root, "object_kind");
    switch (kind) {
      case "deployment" -> {
        String status =
            switch (Webhooks.text(root, "status").toLowerCase(Locale.ROOT)) {
              case "success" -> "success";
              case "failed" -> "failure";
              case "canceled" -> "cancelled";
              default -> null; // created, running: not finished yet
            };
        if (status != null) {
          events.deployments.add(
              new Deployment(
                  "gitlab:"
                      + Webhooks.text(root, "project.path_with_namespace")
                      + ":"
                      + Webhooks.text(root, "deployment_id"),
                  Webhooks.text(root, "project.name"),
                  Webhooks.text(root, "environment").toLowerCase(Locale.ROOT),
                  List.of(headSha(root)),
                  null,
                  Webhooks.time(root, "status_changed_at"),
                  status));
        }
      }
      case "merge_request" -> {
        if ("merged".equals(Webhooks.optional(root, "object_attributes.state"))
            && Webhooks.optional(root, "object_attributes.merge_commit_sha") != null) {
          var mergedAt = Webhooks.time(root, "object_attributes.updated_at");
          events.changes.add(
              new Change(
                  Webhooks.text(root, "object_attributes.merge_commit_sha"),
                  Webhooks.text(root, "project.name"),
                  null,
                  mergedAt,
                  new Change.PullRequest(
                      Webhooks.text(root, "object_attributes.iid"),
                      Webhooks.time(root, "object_attributes.created_at"),
                      mergedAt)));
        }
      }
      case "push" -> {
        JsonNode commits = root.path("commits");
        String service = Webhooks.text(root, "project.name");
        for (int i = 0; i < commits.size(); i++) {
          JsonNode c = commits.get(i);
          events.changes.add(
              new Change(
                  Webhooks.text(c, "id"),
                  service,
                  Webhooks.time(c, "timestamp"),
                  Webhooks.time(c, "timestamp"),
                  null));
        }
      }
      default ->
          throw DeliveryException.badInput(
              "object_kind",
              "unknown event type '" + kind + "'; expected deployment, merge_request or push");
    }
    return events.store(metrics);
  }

  /** GitLab's deployment event names the commit in {@code commit_url} (full sha) and short_sha. */
  private static String headSha(JsonNode root) {
    String url = Webhooks.optional(root, "commit_url");
    if (url != null && url.contains("/commit/")) {
      return url.substring(url.lastIndexOf('/') + 1);
    }
    return Webhooks.text(root, "short_sha");
  }
}
