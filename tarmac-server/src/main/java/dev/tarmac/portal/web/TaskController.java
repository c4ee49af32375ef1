package dev.tarmac.portal.web;

import dev.tarmac.portal.view.EntityDetails;
import dev.tarmac.portal.view.TaskPage;
import dev.tarmac.scaffolder.Scaffolder;
import dev.tarmac.scaffolder.ScaffolderException;
import dev.tarmac.scaffolder.ScaffolderTask;
import dev.tarmac.scaffolder.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** A template run at {@code /create/tasks/:taskId}: steps, the live log and the output links. */
@Controller
class TaskController {

  private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
  private final Scaffolder scaffolder;

  TaskController(Scaffolder scaffolder) {
    this.scaffolder = scaffolder;
  }

  /**
   * The task page. htmx polls it with {@code after}, the last event id it has shown, and appends
   * only the newer log lines to the log, which stays in the page as a live region.
   */
  @GetMapping("/create/tasks/{taskId}")
  String task(
      @PathVariable String taskId, @RequestParam(defaultValue = "0") long after, Model model) {
    ScaffolderTask task;
    try {
      task = scaffolder.task(taskId);
    } catch (ScaffolderException e) {
      throw new PageNotFound("There is no task with id " + taskId + ".", "");
    }
    List<String> log = new ArrayList<>();
    long last = after;
    for (TaskEvent e : scaffolder.events(taskId, Math.max(after, -1))) {
      last = Math.max(last, e.id());
      // The completion message ends the log, so the live region also announces the outcome.
      if (e.type().equals("log") || e.type().equals("completion")) {
        log.add(e.body().path("message").asString(""));
      }
    }
    List<EntityDetails.Link> links = new ArrayList<>();
    List<String> text = new ArrayList<>();
    JsonNode output = task.output();
    if (output != null) {
      for (JsonNode l : output.path("links")) {
        String url = l.path("url").asString("");
        if (url.isEmpty() && l.has("entityRef")) {
          url = dev.tarmac.portal.view.Paths.ref(l.path("entityRef").asString(""));
        }
        links.add(new EntityDetails.Link(url, l.path("title").asString(url)));
      }
      for (JsonNode t : output.path("text")) {
        text.add(t.path("title").asString("") + ": " + t.path("content").asString(""));
      }
    }
    model.addAttribute(
        "taskPage", new TaskPage(task, log, last, links, text, FINISHED.contains(task.status())));
    return "task";
  }
}
