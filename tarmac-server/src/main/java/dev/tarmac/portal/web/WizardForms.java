package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.EntitySort;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.FormField;
import dev.tarmac.shared.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a wizard step's JSON Schema into form fields, and submitted fields back into answers. */
@Component
class WizardForms {

  private static final int PICKER_LIMIT = 500;
  private final Catalog catalog;

  WizardForms(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The fields of a step, showing current answers and the server's messages. */
  List<FormField> fields(JsonNode schema, JsonNode answers, Map<String, String> errors) {
    List<FormField> out = new ArrayList<>();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asString("")));
    for (var p : schema.path("properties").properties()) {
      String name = p.getKey();
      JsonNode s = p.getValue();
      if (s.path("ui:widget").asString("").equals("hidden")) {
        continue;
      }
      String widget = FormField.widget(s);
      // Until answered, a field shows the schema's default.
      JsonNode answer = answers.has(name) ? answers.path(name) : s.path("default");
      List<String> values = new ArrayList<>();
      if (answer.isArray()) {
        answer.forEach(v -> values.add(v.asString("")));
      }
      String value =
          answer.isMissingNode() || answer.isNull()
              ? ""
              : answer.isArray()
                  ? String.join("\n", values)
                  : answer.isObject() ? Json.write(answer) : answer.asString(answer.toString());
      out.add(
          new FormField(
              name,
              s.path("title").asString(name),
              s.path("description").asString(""),
              widget,
              required.contains(name),
              value,
              values,
              choices(widget, s),
              s.path("pattern").asString(""),
              s.path("minLength").asInt(-1),
              s.path("maxLength").asInt(-1),
              s.has("minimum") ? s.path("minimum").asDouble() : null,
              s.has("maximum") ? s.path("maximum").asDouble() : null,
              errors.getOrDefault(name, ""),
              hosts(s)));
    }
    return out;
  }

  /** Reads a step's submitted fields into the answers (secrets into their own map). */
  void read(
      JsonNode schema, Map<String, List<String>> form, ObjectNode answers, ObjectNode secrets) {
    for (var p : schema.path("properties").properties()) {
      String name = p.getKey();
      JsonNode s = p.getValue();
      String widget = FormField.widget(s);
      List<String> raw = form.getOrDefault("p." + name, List.of());
      String first = raw.isEmpty() ? "" : raw.get(0).trim();
      answers.remove(name);
      switch (widget) {
        case "checkbox" -> answers.put(name, !raw.isEmpty());
        case "number" -> number(answers, name, first, s);
        case "multiselect" -> answers.putArray(name).addAll(strings(raw));
        case "lines" ->
            answers
                .putArray(name)
                .addAll(strings(List.of(first.isEmpty() ? new String[0] : first.split("\\R"))));
        case "json" -> {
          if (!first.isEmpty()) {
            try {
              answers.set(name, Json.parse(first));
            } catch (RuntimeException e) {
              answers.put(name, first);
            }
          }
        }
        case "secret" -> {
          if (!first.isEmpty()) {
            secrets.put(name, first);
          }
        }
        case "repo" -> {
          String host = one(form, "p." + name + ".host");
          String owner = one(form, "p." + name + ".owner");
          String repo = one(form, "p." + name + ".repo");
          if (!host.isEmpty() || !owner.isEmpty() || !repo.isEmpty()) {
            answers.put(name, host + "?owner=" + owner + "&repo=" + repo);
          }
        }
        default -> {
          if (!first.isEmpty()) {
            answers.put(name, first);
          }
        }
      }
    }
  }

  private static void number(ObjectNode answers, String name, String text, JsonNode s) {
    if (text.isEmpty()) {
      return;
    }
    try {
      if (s.path("type").asString("").equals("integer")) {
        answers.put(name, Long.parseLong(text));
      } else {
        answers.put(name, Double.parseDouble(text));
      }
    } catch (NumberFormatException e) {
      // Kept as text, so the schema check names the field.
      answers.put(name, text);
    }
  }

  private static List<JsonNode> strings(List<String> raw) {
    List<JsonNode> out = new ArrayList<>();
    raw.stream()
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .forEach(v -> out.add(Json.MAPPER.getNodeFactory().stringNode(v)));
    return out;
  }

  private static String one(Map<String, List<String>> form, String key) {
    List<String> v = form.getOrDefault(key, List.of());
    return v.isEmpty() ? "" : v.get(0).trim();
  }

  private List<FormField.Choice> choices(String widget, JsonNode s) {
    return switch (widget) {
      case "select", "multiselect" -> FormField.enumChoices(s);
      case "owner", "entity" -> {
        JsonNode filter = s.path("ui:options").path("catalogFilter");
        List<String> kinds = new ArrayList<>();
        JsonNode kind = filter.path("kind");
        if (kind.isArray()) {
          kind.forEach(k -> kinds.add("kind=" + k.asString("")));
        } else if (kind.isString()) {
          kinds.add("kind=" + kind.asString(""));
        }
        if (kinds.isEmpty() && widget.equals("owner")) {
          kinds.addAll(List.of("kind=group", "kind=user"));
        }
        yield entities(kinds);
      }
      default -> List.of();
    };
  }

  private List<FormField.Choice> entities(List<String> filters) {
    return catalog
        .entities(filters, List.of(new EntitySort("metadata.name", true)), null, PICKER_LIMIT, 0)
        .items()
        .stream()
        .map(EntitySummary::of)
        .map(e -> new FormField.Choice(e.ref(), e.title() + " (" + e.kind() + ")"))
        .toList();
  }

  private static List<String> hosts(JsonNode s) {
    List<String> out = new ArrayList<>();
    s.path("ui:options").path("allowedHosts").forEach(h -> out.add(h.asString("")));
    return out;
  }
}
