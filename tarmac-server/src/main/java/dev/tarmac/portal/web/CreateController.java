package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.portal.PortalSettings;
import dev.tarmac.portal.view.Gallery;
import dev.tarmac.portal.view.Paths;
import dev.tarmac.portal.view.WizardPage;
import dev.tarmac.scaffolder.ParameterSchema;
import dev.tarmac.scaffolder.Scaffolder;
import dev.tarmac.scaffolder.ScaffolderException;
import dev.tarmac.scaffolder.TemplateSummary;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.scaffolder.ParameterProblem;
import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden paths: the gallery at {@code /create} and each template's wizard at {@code
 * /create/templates/:namespace/:name} — one page per parameter step, checked by the server, then a
 * review, then the task.
 */
@Controller
class CreateController {

  private final Scaffolder scaffolder;
  private final WizardForms forms;
  private final PortalSettings settings;
  private final Catalog catalog;

  CreateController(
      Scaffolder scaffolder, WizardForms forms, PortalSettings settings, Catalog catalog) {
    this.catalog = catalog;
    this.scaffolder = scaffolder;
    this.forms = forms;
    this.settings = settings;
  }

  @GetMapping("/create")
  String gallery(
      @RequestParam(defaultValue = "") String tag,
      @RequestParam(defaultValue = "") String type,
      Model model) {
    List<TemplateSummary> all = scaffolder.templates();
    TreeSet<String> tags = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    all.forEach(
        t -> {
          tags.addAll(t.tags());
          if (t.type() != null && !t.type().isBlank()) {
            types.add(t.type());
          }
        });
    List<TemplateSummary> shown =
        all.stream()
            .filter(t -> tag.isBlank() || t.tags().contains(tag))
            .filter(t -> type.isBlank() || type.equals(t.type()))
            .toList();
    Set<String> owners = new HashSet<>();
    shown.forEach(t -> owners.add(Gallery.owner(t)));
    owners.remove("");
    model.addAttribute(
        "gallery",
        new Gallery(
            shown,
            List.copyOf(tags),
            List.copyOf(types),
            tag,
            type,
            KnownRefs.missing(catalog, owners)));
    return "create";
  }

  @GetMapping("/create/templates/{namespace}/{name}")
  String wizard(@PathVariable String namespace, @PathVariable String name, Model model) {
    Template t = template(namespace, name);
    model.addAttribute("wizard", page(t, 0, Json.object(), Json.object(), Map.of(), ""));
    return "wizard";
  }

  @PostMapping("/create/templates/{namespace}/{name}")
  String submit(
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(defaultValue = "0") int step,
      @RequestParam(defaultValue = "{}") String answers,
      @RequestParam(defaultValue = "{}") String secrets,
      @RequestParam(defaultValue = "next") String nav,
      HttpServletRequest request,
      Model model) {
    Template t = template(namespace, name);
    ObjectNode values = object(answers);
    ObjectNode secretValues = object(secrets);
    int steps = t.schema().steps().size();
    int current = Math.max(0, Math.min(step, steps));
    if (current < steps) {
      forms.read(t.schema().steps().get(current).schema(), form(request), values, secretValues);
    }
    switch (nav) {
      case "back" -> current = Math.max(0, current - 1);
      case "create" -> {
        try {
          String id =
              scaffolder.startTask(
                  t.summary().ref(), values, strings(secretValues), settings.user());
          return "redirect:/create/tasks/" + id;
        } catch (ScaffolderException e) {
          model.addAttribute(
              "wizard", page(t, steps, values, secretValues, Map.of(), e.getMessage()));
          return "wizard";
        }
      }
      default -> {
        if (current < steps) {
          Map<String, String> errors = errorsOf(t, current, values);
          if (!errors.isEmpty()) {
            model.addAttribute(
                "wizard",
                page(
                    t, current, values, secretValues, errors, "Please correct the fields marked."));
            return "wizard";
          }
          current++;
        }
      }
    }
    model.addAttribute("wizard", page(t, current, values, secretValues, Map.of(), ""));
    return "wizard";
  }

  /** The server's messages for the fields of one step. */
  private Map<String, String> errorsOf(Template t, int step, JsonNode values) {
    JsonNode properties = t.schema().steps().get(step).schema().path("properties");
    Map<String, String> out = new LinkedHashMap<>();
    for (ParameterProblem p : scaffolder.validateParameters(t.summary().ref(), values)) {
      String field = p.parameter().split("[.\\[/]")[0];
      if (properties.has(field)) {
        out.putIfAbsent(field, p.message());
      }
    }
    return out;
  }

  private WizardPage page(
      Template t,
      int step,
      ObjectNode values,
      ObjectNode secrets,
      Map<String, String> errors,
      String error) {
    List<ParameterSchema.Page> steps = t.schema().steps();
    List<String> titles =
        steps.stream()
            .map(p -> p.title() == null || p.title().isBlank() ? "Details" : p.title())
            .toList();
    Map<String, String> review = new LinkedHashMap<>();
    if (step >= steps.size()) {
      values.properties().forEach(e -> review.put(e.getKey(), text(e.getValue())));
      secrets.propertyNames().forEach(n -> review.put(n, "••••••"));
    }
    return new WizardPage(
        t.summary(),
        t.path(),
        titles,
        step,
        step < steps.size() ? forms.fields(steps.get(step).schema(), values, errors) : List.of(),
        Json.write(values),
        Json.write(secrets),
        review,
        error);
  }

  private Template template(String namespace, String name) {
    EntityRef ref = new EntityRef("template", namespace, name);
    TemplateSummary summary =
        scaffolder.templates().stream()
            .filter(s -> EntityRef.parse(s.ref()).equals(ref))
            .findFirst()
            .orElseThrow(
                () ->
                    new PageNotFound(
                        "There is no template named " + namespace + "/" + name + ".", name));
    return new Template(
        summary,
        scaffolder.parameterSchema(ref),
        "/create/templates/" + Paths.enc(namespace) + "/" + Paths.enc(name));
  }

  private static Map<String, List<String>> form(HttpServletRequest request) {
    Map<String, List<String>> out = new HashMap<>();
    request.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  private static ObjectNode object(String json) {
    try {
      JsonNode n = Json.parse(json);
      return n.isObject() ? (ObjectNode) n : Json.object();
    } catch (RuntimeException e) {
      return Json.object();
    }
  }

  private static Map<String, String> strings(ObjectNode o) {
    Map<String, String> out = new LinkedHashMap<>();
    o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
    return out;
  }

  private static String text(JsonNode v) {
    return v.isString() ? v.asString() : Json.write(v);
  }

  private record Template(TemplateSummary summary, ParameterSchema schema, String path) {}
}
