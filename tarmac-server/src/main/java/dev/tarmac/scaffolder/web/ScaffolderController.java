package dev.tarmac.scaffolder.web;

import dev.tarmac.scaffolder.ActionInfo;
import dev.tarmac.scaffolder.DryRunResult;
import dev.tarmac.scaffolder.ParameterSchema;
import dev.tarmac.scaffolder.Scaffolder;
import dev.tarmac.scaffolder.ScaffolderException;
import dev.tarmac.scaffolder.ScaffolderTask;
import dev.tarmac.scaffolder.TaskEvent;
import dev.tarmac.scaffolder.TemplateSummary;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Backstage's scaffolder API, {@code /api/scaffolder/v2}. */
@RestController
@RequestMapping("/api/scaffolder/v2")
class ScaffolderController {

  private final Scaffolder scaffolder;

  ScaffolderController(Scaffolder scaffolder) {
    this.scaffolder = scaffolder;
  }

  @GetMapping("/actions")
  List<ActionInfo> actions() {
    return scaffolder.actions();
  }

  @GetMapping("/templates")
  List<TemplateSummary> templates() {
    return scaffolder.templates();
  }

  @GetMapping("/templates/{namespace}/{kind}/{name}/parameter-schema")
  ParameterSchema parameterSchema(
      @PathVariable String namespace, @PathVariable String kind, @PathVariable String name) {
    return scaffolder.parameterSchema(new EntityRef(kind, namespace, name));
  }

  @PostMapping("/tasks")
  ResponseEntity<Map<String, String>> start(@RequestBody JsonNode body) {
    String id =
        scaffolder.startTask(
            body.path("templateRef").asString(null),
            body.path("values"),
            strings(body.path("secrets")),
            body.path("createdBy").asString(null));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
  }

  @GetMapping("/tasks")
  Map<String, Object> tasks(
      @RequestParam(required = false) String createdBy,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tasks", scaffolder.tasks(createdBy, status, limit, offset));
    out.put("totalTasks", scaffolder.countTasks(createdBy, status));
    return out;
  }

  @GetMapping("/tasks/{id}")
  ScaffolderTask task(@PathVariable String id) {
    return scaffolder.task(id);
  }

  @GetMapping("/tasks/{id}/events")
  List<TaskEvent> events(@PathVariable String id, @RequestParam(defaultValue = "0") long after) {
    return scaffolder.events(id, after);
  }

  @PostMapping("/tasks/{id}/cancel")
  Map<String, String> cancel(@PathVariable String id) {
    return Map.of("status", scaffolder.cancel(id));
  }

  @PostMapping("/tasks/{id}/retry")
  ResponseEntity<Map<String, String>> retry(@PathVariable String id) {
    scaffolder.retry(id);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
  }

  @PostMapping("/dry-run")
  DryRunResult dryRun(@RequestBody JsonNode body) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (JsonNode f : body.path("directoryContents")) {
      try {
        files.put(
            f.path("path").asString(),
            Base64.getDecoder().decode(f.path("base64Content").asString("")));
      } catch (IllegalArgumentException e) {
        throw ScaffolderException.input(
            "directoryContents: " + f.path("path").asString() + " is not base64");
      }
    }
    return scaffolder.dryRun(
        body.path("template"),
        body.path("values"),
        strings(body.path("secrets")),
        files,
        "user:default/guest");
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    return out;
  }
}
