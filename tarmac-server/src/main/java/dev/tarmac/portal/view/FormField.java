package dev.tarmac.portal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One wizard field, read from a template parameter's JSON Schema and its {@code ui:} hints.
 *
 * @param name the parameter name
 * @param label its title, else its name
 * @param help its description, or empty
 * @param widget text, textarea, password, secret, number, checkbox, select, multiselect, lines,
 *     json, owner, entity or repo
 * @param required whether the schema requires it
 * @param value the current answer as the form shows it
 * @param values the current answers of a multi-select
 * @param choices the options of a select, multi-select or picker
 * @param pattern the regular expression the answer must match, or empty
 * @param minLength minimum length, or -1
 * @param maxLength maximum length, or -1
 * @param min minimum number, or null
 * @param max maximum number, or null
 * @param error the server's message for this field, or empty
 * @param hosts allowed hosts of a repository picker
 */
public record FormField(
    String name,
    String label,
    String help,
    String widget,
    boolean required,
    String value,
    List<String> values,
    List<Choice> choices,
    String pattern,
    int minLength,
    int maxLength,
    Double min,
    Double max,
    String error,
    List<String> hosts) {

  /**
   * One option.
   *
   * @param value what is submitted
   * @param label what is shown
   */
  public record Choice(String value, String label) {}

  /** The widget a parameter's schema and hints call for. */
  public static String widget(JsonNode schema) {
    String field = schema.path("ui:field").asString("");
    String uiWidget = schema.path("ui:widget").asString("");
    String type = schema.path("type").asString("string");
    return switch (field) {
      case "OwnerPicker", "MyGroupsPicker" -> "owner";
      case "EntityPicker", "OwnedEntityPicker" -> "entity";
      case "RepoUrlPicker" -> "repo";
      case "Secret" -> "secret";
      default -> {
        if (type.equals("boolean")) {
          yield "checkbox";
        }
        if (type.equals("number") || type.equals("integer")) {
          yield "number";
        }
        if (type.equals("array")) {
          yield schema.path("items").has("enum") ? "multiselect" : "lines";
        }
        if (type.equals("object")) {
          yield "json";
        }
        if (schema.has("enum")) {
          yield "select";
        }
        yield switch (uiWidget) {
          case "textarea" -> "textarea";
          case "password" -> "password";
          default -> "text";
        };
      }
    };
  }

  /** The options of an enum (with {@code enumNames} as labels when given). */
  public static List<Choice> enumChoices(JsonNode schema) {
    JsonNode values = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
    JsonNode names =
        schema.has("enumNames") ? schema.path("enumNames") : schema.path("items").path("enumNames");
    List<Choice> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i).asString("");
      out.add(new Choice(v, names.has(i) ? names.get(i).asString(v) : v));
    }
    return out;
  }

  /** Whether a choice is the current answer (or one of them). */
  public boolean chosen(String choice) {
    return value.equals(choice) || values.contains(choice);
  }

  /**
   * One part of a repository picker's answer ({@code host?owner=o&repo=r}): {@code host}, {@code
   * owner} or {@code repo}, empty when absent, so a step revisited shows what was entered.
   */
  public String repoPart(String part) {
    int q = value.indexOf('?');
    if (part.equals("host")) {
      return q < 0 ? value : value.substring(0, q);
    }
    for (String pair : value.substring(q + 1).split("&")) {
      if (q >= 0 && pair.startsWith(part + "=")) {
        return pair.substring(part.length() + 1);
      }
    }
    return "";
  }

  /** The input type of a plain input. */
  public String inputType() {
    return switch (widget.toLowerCase(Locale.ROOT)) {
      case "password", "secret" -> "password";
      case "number" -> "number";
      default -> "text";
    };
  }
}
