package dev.tarmac.sdk.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Backstage's field format policy: the exact shapes of apiVersion, kind, names, label and
 * annotation keys and values, tags and links, with Backstage's field names and message shape.
 */
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
      "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters"
          + " in total";
  private static final String DNS_LABEL_RULE =
      "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
  private static final String KIND_RULE =
      "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total";
  private static final String TAG_RULE =
      "a string that is sequences of [a-z0-9+#:] separated by [-], at most 63 characters in total";
  private static final String API_VERSION_RULE =
      "a valid prefix and/or suffix: an optional DNS subdomain and a slash, then 1-63 letters and"
          + " digits (e.g. backstage.io/v1alpha1)";
  private static final String KEY_RULE =
      "a valid prefix and/or suffix: an optional DNS subdomain and a slash, then " + NAME_RULE;
  private static final String URL_RULE = "a string that is a valid url";
  private static final String NON_EMPTY = "a non empty string";

  /** Field format names that Backstage gives without their "metadata." parent. */
  private static final Set<String> METADATA_SHORT_NAMES =
      Set.of("labels", "annotations", "tags", "links");

  private FieldFormats() {}

  /** Appends a problem for every field of the entity whose format is wrong. */
  static void check(JsonNode entity, List<ValidationProblem> out) {
    JsonNode apiVersion = entity.path("apiVersion");
    // Empty or non-string apiVersion, kind, name and namespace are the envelope's to report.
    if (apiVersion.isString()
        && !apiVersion.asString().isEmpty()
        && !isApiVersion(apiVersion.asString())) {
      out.add(problem("apiVersion", API_VERSION_RULE, apiVersion));
    }
    JsonNode kind = entity.path("kind");
    if (kind.isString() && !kind.asString().isEmpty() && !isKind(kind.asString())) {
      out.add(problem("kind", KIND_RULE, kind));
    }
    JsonNode metadata = entity.path("metadata");
    JsonNode name = metadata.path("name");
    if (name.isString() && !name.asString().isEmpty() && !isName(name.asString())) {
      out.add(problem("metadata.name", NAME_RULE, name));
    }
    JsonNode namespace = metadata.path("namespace");
    if (namespace.isString()
        && !namespace.asString().isEmpty()
        && !isDnsLabel(namespace.asString())) {
      out.add(problem("metadata.namespace", DNS_LABEL_RULE, namespace));
    }
    checkMap(metadata.path("labels"), "labels", true, out);
    checkMap(metadata.path("annotations"), "annotations", false, out);
    JsonNode tags = metadata.path("tags");
    for (int i = 0; tags.isArray() && i < tags.size(); i++) {
      JsonNode tag = tags.get(i);
      if (!tag.isString() || !isTag(tag.asString())) {
        out.add(problem("tags." + i, TAG_RULE, tag));
      }
    }
    JsonNode links = metadata.path("links");
    for (int i = 0; links.isArray() && i < links.size(); i++) {
      JsonNode link = links.get(i);
      JsonNode url = link.path("url");
      if (!url.isMissingNode() && !(url.isString() && isUrl(url.asString()))) {
        out.add(problem("links." + i + ".url", URL_RULE, url));
      }
      for (String optional : new String[] {"title", "icon", "type"}) {
        JsonNode value = link.path(optional);
        if (!value.isMissingNode() && !(value.isString() && !value.asString().isEmpty())) {
          out.add(problem("links." + i + "." + optional, NON_EMPTY, value));
        }
      }
    }
  }

  /**
   * The schema's name of a field named here, e.g. {@code metadata.tags.0} for {@code tags.0}, so
   * that a field is reported once.
   */
  static String schemaPath(String field) {
    int dot = field.indexOf('.');
    String head = dot < 0 ? field : field.substring(0, dot);
    return METADATA_SHORT_NAMES.contains(head) ? "metadata." + field : field;
  }

  private static void checkMap(
      JsonNode map, String field, boolean labels, List<ValidationProblem> out) {
    if (!map.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (!isPrefixedKey(key)) {
        out.add(problem(field + "." + key, KEY_RULE, key));
      } else if (labels
          && !(value.isString() && (value.asString().isEmpty() || isName(value.asString())))) {
        out.add(problem(field + "." + key, NAME_RULE, value));
      } else if (!labels && !value.isString()) {
        out.add(problem(field + "." + key, "a string", value));
      }
    }
  }

  static boolean isName(String s) {
    return s.length() <= 63 && NAME.matcher(s).matches();
  }

  static boolean isDnsLabel(String s) {
    return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
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

  static boolean isKind(String s) {
    return s.length() <= 63 && KIND.matcher(s).matches();
  }

  static boolean isTag(String s) {
    return s.length() <= 63 && TAG.matcher(s).matches();
  }

  static boolean isApiVersion(String s) {
    int slash = s.indexOf('/');
    String suffix = s.substring(slash + 1);
    boolean suffixOk = suffix.length() <= 63 && VERSION.matcher(suffix).matches();
    return suffixOk && (slash < 0 || isDnsSubdomain(s.substring(0, slash)));
  }

  static boolean isPrefixedKey(String key) {
    int slash = key.indexOf('/');
    String name = key.substring(slash + 1);
    return isName(name) && (slash < 0 || isDnsSubdomain(key.substring(0, slash)));
  }

  static boolean isUrl(String s) {
    return Urls.isValid(s);
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

  private static ValidationProblem problem(String field, String expectation, JsonNode value) {
    return problem(field, expectation, value.isString() ? value.asString() : value.toString());
  }
}
