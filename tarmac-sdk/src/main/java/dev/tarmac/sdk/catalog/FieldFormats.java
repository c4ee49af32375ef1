package dev.tarmac.sdk.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Backstage's field format policy: the exact shapes of names, keys, values, tags and links. */
final class FieldFormats {

  static final String LEARN_MORE =
      " To learn more about catalog file format, visit: "
          + "https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/"
          + "adr002-default-catalog-file-format.md";
  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]+(?:-+[a-z0-9]+)*$");
  private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-z0-9A-Z]*$");
  private static final Pattern VERSION = Pattern.compile("^[a-zA-Z0-9]+$");
  private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
  private static final String NAME_RULE =
      "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
  private static final String DNS_LABEL_RULE =
      "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";

  private FieldFormats() {}

  /** Appends a problem for every field of the entity whose format is wrong. */
  static void check(JsonNode entity, List<ValidationProblem> out) {
    JsonNode apiVersion = entity.path("apiVersion");
    if (apiVersion.isString() && !apiVersion(apiVersion.asString())) {
      out.add(
          problem(
              "apiVersion",
              "a valid apiVersion: an optional DNS subdomain prefix and a"
                  + " slash, then letters and digits (e.g. backstage.io/v1alpha1)",
              apiVersion.asString()));
    }
    JsonNode kind = entity.path("kind");
    if (kind.isString()
        && !(kind.asString().length() <= 63 && KIND.matcher(kind.asString()).matches())) {
      out.add(
          problem(
              "kind",
              "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63"
                  + " characters in total",
              kind.asString()));
    }
    JsonNode metadata = entity.path("metadata");
    JsonNode name = metadata.path("name");
    if (name.isString() && !isName(name.asString())) {
      out.add(problem("metadata.name", NAME_RULE, name.asString()));
    }
    JsonNode namespace = metadata.path("namespace");
    if (namespace.isString() && !isDnsLabel(namespace.asString())) {
      out.add(problem("metadata.namespace", DNS_LABEL_RULE, namespace.asString()));
    }
    checkKeys(metadata.path("labels"), "labels", true, out);
    checkKeys(metadata.path("annotations"), "annotations", false, out);
    JsonNode tags = metadata.path("tags");
    if (tags.isArray()) {
      for (int i = 0; i < tags.size(); i++) {
        JsonNode tag = tags.get(i);
        if (!tag.isString()
            || tag.asString().isEmpty()
            || tag.asString().length() > 63
            || !TAG.matcher(tag.asString()).matches()) {
          out.add(
              problem(
                  "tags." + i,
                  "a string that is sequences of [a-z0-9+#:] separated by [-],"
                      + " at most 63 characters in total",
                  tag.isString() ? tag.asString() : tag.toString()));
        }
      }
    }
    JsonNode links = metadata.path("links");
    if (links.isArray()) {
      for (int i = 0; i < links.size(); i++) {
        JsonNode url = links.get(i).path("url");
        if (url.isString() && !isUrl(url.asString())) {
          out.add(problem("links." + i + ".url", "a valid URL with a scheme", url.asString()));
        }
      }
    }
  }

  private static void checkKeys(
      JsonNode map, String field, boolean labels, List<ValidationProblem> out) {
    if (!map.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String key = e.getKey();
      if (!isPrefixedKey(key)) {
        out.add(
            problem(
                field + "." + key,
                "a valid prefix and/or suffix: an optional DNS"
                    + " subdomain prefix and a slash, then "
                    + NAME_RULE,
                key));
        continue;
      }
      JsonNode value = e.getValue();
      if (labels) {
        if (!value.isString() || !(value.asString().isEmpty() || isName(value.asString()))) {
          out.add(
              problem(
                  field + "." + key,
                  NAME_RULE,
                  value.isString() ? value.asString() : value.toString()));
        }
      } else if (!value.isString()) {
        out.add(problem(field + "." + key, "a string", value.toString()));
      }
    }
  }

  static boolean isName(String s) {
    return !s.isEmpty() && s.length() <= 63 && NAME.matcher(s).matches();
  }

  static boolean isDnsLabel(String s) {
    return !s.isEmpty() && s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  static boolean isDnsSubdomain(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    for (String label : s.split("\\.", -1)) {
      if (!isDnsLabel(label)) {
        return false;
      }
    }
    return true;
  }

  private static boolean apiVersion(String s) {
    String[] parts = s.split("/", -1);
    if (parts.length > 2) {
      return false;
    }
    String suffix = parts[parts.length - 1];
    boolean suffixOk =
        !suffix.isEmpty() && suffix.length() <= 63 && VERSION.matcher(suffix).matches();
    return suffixOk && (parts.length == 1 || isDnsSubdomain(parts[0]));
  }

  private static boolean isPrefixedKey(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return false;
    }
    String name = parts[parts.length - 1];
    return isName(name) && (parts.length == 1 || isDnsSubdomain(parts[0]));
  }

  private static boolean isUrl(String s) {
    try {
      URI uri = new URI(s);
      return uri.getScheme() != null
          && !uri.getScheme().isEmpty()
          && (uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ValidationProblem problem(String field, String expectation, String value) {
    return new ValidationProblem(
        field,
        "\""
            + field
            + "\" is not valid; expected "
            + expectation
            + " but found \""
            + value
            + "\"."
            + LEARN_MORE);
  }
}
