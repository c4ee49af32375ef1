package dev.tarmac.sdk.catalog;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The first checks of Backstage's pipeline: the entity envelope (apiVersion, kind and metadata.name
 * are non-empty strings, metadata.namespace too when given) and no root fields but apiVersion,
 * kind, metadata and spec.
 */
final class EnvelopeRules {

  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");

  private EnvelopeRules() {}

  static void check(JsonNode entity, List<ValidationProblem> out) {
    requireString(entity, "apiVersion", "apiVersion", out);
    requireString(entity, "kind", "kind", out);
    JsonNode metadata = entity.get("metadata");
    if (metadata == null || metadata.isNull()) {
      out.add(new ValidationProblem("metadata", "must have required property 'metadata'"));
    } else if (!metadata.isObject()) {
      out.add(new ValidationProblem("metadata", "must be object"));
    } else {
      requireString(metadata, "name", "metadata.name", out);
      JsonNode namespace = metadata.get("namespace");
      if (namespace != null) {
        nonEmptyString(namespace, "metadata.namespace", out);
      }
    }
    for (String field : entity.propertyNames()) {
      if (!ROOT_FIELDS.contains(field)) {
        // Backstage's NoForeignRootFieldsEntityPolicy; relations and status are output only.
        out.add(new ValidationProblem(field, "Unknown field " + field));
      }
    }
  }

  private static void requireString(
      JsonNode parent, String name, String field, List<ValidationProblem> out) {
    JsonNode value = parent.get(name);
    if (value == null) {
      out.add(new ValidationProblem(field, "must have required property '" + name + "'"));
    } else {
      nonEmptyString(value, field, out);
    }
  }

  private static void nonEmptyString(JsonNode value, String field, List<ValidationProblem> out) {
    if (!value.isString() || value.asString().isEmpty()) {
      out.add(new ValidationProblem(field, "must be a non-empty string"));
    }
  }
}
