package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.metrics.MetricsSettings;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * GitHub webhooks: {@code deployment_status} (final states), merged {@code pull_request} and {@code
 * push}; the service is the repository's name.
 */
@RestController
class GitHubWebhookController {

  private final DeliveryMetrics metrics;
  private final MetricsSettings settings;

  GitHubWebhookController(DeliveryMetrics metrics, MetricsSettings settings) {
    this.metrics = metrics;
    this.settings = settings;
  }

  @PostMapping(path = "/api/delivery/webhooks/github", consumes = "*/*")
  IntakeResult receive(
      @RequestHeader(name = "X-GitHub-Event", required = false) String event,
      @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    Webhooks.checkGitHubSignature(settings.githubSecret(), signature, raw);
    JsonNode root = EventBodies.parse(new String(raw, StandardCharsets.UTF_8));
    DeliveryController.Events events = new DeliveryController.Events();
    String service = Webhooks.text(root, "repository.name");
    switch (event == null ? "" : event) {
      case "deployment_status" -> {
        String state = Webhooks.text(root, "deployment_status.state").toLowerCase(Locale.ROOT);
        String status =
            switch (state) {
              case "success" -> "success";
              case "failure", "error" -> "failure";
              default -> null; // pending, queued, in_progress, inactive: not finished yet
            };
        if (status != null) {
          events.deployments.add(
              new Deployment(
                  "github:"
                      + Webhooks.text(root, "repository.full_name")
                      + ":"
                      + Webhooks.text(root, "deployment.id"),
                  service,
                  Webhooks.text(root, "deployment.environment").toLowerCase(Locale.ROOT),
                  List.of(Webhooks.text(root, "deployment.sha")),
                  Webhooks.time(root, "deployment.created_at"),
                  Webhooks.time(root, "deployment_status.created_at"),
                  status));
        }
      }
      case "pull_request" -> {
        JsonNode pr = root.path("pull_request");
        if ("closed".equals(Webhooks.optional(root, "action"))
            && pr.path("merged").asBoolean(false)) {
          events.changes.add(
              new Change(
                  Webhooks.text(root, "pull_request.merge_commit_sha"),
                  service,
                  null,
                  Webhooks.time(root, "pull_request.merged_at"),
                  new Change.PullRequest(
                      Webhooks.text(root, "pull_request.number"),
                      Webhooks.time(root, "pull_request.created_at"),
                      Webhooks.time(root, "pull_request.merged_at"))));
        }
      }
      case "push" -> {
        JsonNode commits = root.path("commits");
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
      case "ping" -> {}
      default ->
          throw DeliveryException.badInput(
              "X-GitHub-Event",
              "unknown event type '"
                  + event
                  + "'; expected deployment_status, pull_request or push");
    }
    return events.store(metrics);
  }
}
