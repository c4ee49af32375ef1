package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.metrics.UnknownServiceEvent;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.DeliveryEventException;
import dev.tarmac.sdk.delivery.DeliveryEvents;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Tarmac's own delivery API: event intake (JSON and CloudEvents) and the metrics report. */
@RestController
@RequestMapping("/api/delivery")
class DeliveryController {

  static final String CLOUD_EVENT = "application/cloudevents+json";
  static final String CLOUD_BATCH = "application/cloudevents-batch+json";
  static final String TYPE_PREFIX = "dev.tarmac.delivery.";

  private final DeliveryMetrics metrics;

  DeliveryController(DeliveryMetrics metrics) {
    this.metrics = metrics;
  }

  // Literal paths: Spring MVC finds them in a map instead of matching every pattern mapping.
  @PostMapping(
      path = "/deployments",
      consumes = {"application/json", "text/plain", "*/*"})
  IntakeResult deployments(@RequestBody(required = false) String body) {
    return events("deployment", body);
  }

  @PostMapping(
      path = "/changes",
      consumes = {"application/json", "text/plain", "*/*"})
  IntakeResult changes(@RequestBody(required = false) String body) {
    return events("change", body);
  }

  @PostMapping(
      path = "/incidents",
      consumes = {"application/json", "text/plain", "*/*"})
  IntakeResult incidents(@RequestBody(required = false) String body) {
    return events("incident", body);
  }

  private IntakeResult events(String kind, String body) {
    Events events = new Events();
    for (EventBodies.Item item : EventBodies.items(EventBodies.parse(body))) {
      events.add(kind, item.node(), item.at());
    }
    return events.store(metrics);
  }

  /** CloudEvents in structured ({@code application/cloudevents+json}) or batch mode. */
  @PostMapping(
      path = "/events",
      consumes = {CLOUD_EVENT, CLOUD_BATCH, "application/json"})
  IntakeResult cloudEvents(@RequestBody(required = false) String body) {
    Events events = new Events();
    for (EventBodies.Item item : EventBodies.items(EventBodies.parse(body))) {
      JsonNode type = item.node().get("type");
      if (type == null || !type.isString()) {
        throw DeliveryException.badInput(item.at() + "type", "is required");
      }
      String kind = type.asString();
      if (!kind.startsWith(TYPE_PREFIX)) {
        throw DeliveryException.badInput(
            item.at() + "type",
            "unknown event type '"
                + kind
                + "'; expected "
                + TYPE_PREFIX
                + "{deployment,change,incident}");
      }
      events.add(
          kind.substring(TYPE_PREFIX.length()), item.node().get("data"), item.at() + "data.");
    }
    return events.store(metrics);
  }

  @GetMapping("/metrics")
  DoraReport report(
      @RequestParam(defaultValue = "org") String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String profile) {
    return metrics.report(scope, time(from, "from"), time(to, "to"), profile);
  }

  @GetMapping("/unknown-services")
  List<UnknownServiceEvent> unknown(@RequestParam(defaultValue = "100") int limit) {
    return metrics.unknownServiceEvents(Math.min(Math.max(limit, 1), 1000));
  }

  private static Instant time(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DeliveryEvents.instant(value, field);
    } catch (DeliveryEventException e) {
      throw DeliveryException.badInput(field, "must be an ISO-8601 timestamp with a zone offset");
    }
  }

  /** Events of a request, checked before anything is stored. */
  static final class Events {
    final List<Deployment> deployments = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    final List<Incident> incidents = new ArrayList<>();

    void add(String kind, JsonNode node, String at) {
      try {
        switch (kind) {
          case "deployment" -> deployments.add(DeliveryEvents.deployment(node, at));
          case "change" -> changes.add(DeliveryEvents.change(node, at));
          case "incident" -> incidents.add(DeliveryEvents.incident(node, at));
          default ->
              throw DeliveryException.badInput(at + "type", "unknown event type '" + kind + "'");
        }
      } catch (DeliveryEventException e) {
        throw DeliveryException.badInput(
            e.field(), e.getMessage().substring(e.field().length() + 2));
      }
    }

    IntakeResult store(DeliveryMetrics metrics) {
      return metrics.accept(deployments, changes, incidents);
    }
  }
}
