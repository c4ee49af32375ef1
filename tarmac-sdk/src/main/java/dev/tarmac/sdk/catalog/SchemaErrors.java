package dev.tarmac.sdk.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

/**
 * Turns a JSON schema error into a {@link ValidationProblem}: the field as a dot path and, for the
 * common keywords, the wording of Backstage's validator (Ajv), e.g. "must have required property
 * 'owner'" on {@code spec.owner}.
 */
final class SchemaErrors {

  private SchemaErrors() {}

  static ValidationProblem toProblem(Error error) {
    String field = dotPath(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    String property = error.getProperty();
    return switch (keyword) {
      case "required" ->
          new ValidationProblem(
              child(field, property), "must have required property '" + property + "'");
      case "additionalProperties" ->
          new ValidationProblem(child(field, property), "Unknown field " + property);
      case "type" -> new ValidationProblem(field, "must be " + types(arg(args, 1, "another type")));
      case "minLength" ->
          new ValidationProblem(
              field, "must NOT have fewer than " + arg(args, 0, "?") + " characters");
      case "maxLength" ->
          new ValidationProblem(
              field, "must NOT have more than " + arg(args, 0, "?") + " characters");
      case "minItems" ->
          new ValidationProblem(field, "must NOT have fewer than " + arg(args, 0, "?") + " items");
      case "maxItems" ->
          new ValidationProblem(field, "must NOT have more than " + arg(args, 0, "?") + " items");
      case "enum" ->
          new ValidationProblem(
              field, "must be equal to one of the allowed values " + arg(args, 0, ""));
      case "oneOf" -> new ValidationProblem(field, "must match exactly one schema in oneOf");
      case "anyOf" -> new ValidationProblem(field, "must match a schema in anyOf");
      case "const" -> new ValidationProblem(field, "must be equal to constant");
      case "pattern" ->
          new ValidationProblem(field, "must match pattern \"" + arg(args, 0, "") + "\"");
      default -> new ValidationProblem(field, withoutLocation(error));
    };
  }

  /** {@code /spec/owner} (or {@code $.spec.owner}) as {@code spec.owner}, keys unescaped. */
  static String dotPath(NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(path.getElement(i));
    }
    return b.toString();
  }

  private static String child(String field, String property) {
    if (property == null) {
      return field;
    }
    return field.isEmpty() ? property : field + "." + property;
  }

  /** Ajv names a choice of types "string,boolean"; networknt "[string, boolean]". */
  private static String types(String expected) {
    return expected.replace("[", "").replace("]", "").replace(", ", " or ");
  }

  private static String arg(Object[] args, int i, String fallback) {
    return i < args.length && args[i] != null ? args[i].toString() : fallback;
  }

  private static String withoutLocation(Error error) {
    String message = error.getMessage() == null ? "is not valid" : error.getMessage();
    String prefix = error.getInstanceLocation() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
