package dev.tarmac.sdk.catalog;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A reference to an entity, {@code kind:namespace/name}, stored lower-cased so that it compares
 * case-insensitively as Backstage's refs do.
 *
 * @param kind the kind, lower-cased
 * @param namespace the namespace, lower-cased
 * @param name the name, lower-cased
 */
public record EntityRef(String kind, String namespace, String name)
    implements Comparable<EntityRef> {

  /** The namespace of entities that name none. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Lower-cases every part. */
  public EntityRef {
    kind = kind.toLowerCase(Locale.ROOT);
    namespace = namespace.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
  }

  /** Parses a ref whose kind is required and whose namespace defaults to "default". */
  public static EntityRef parse(String ref) {
    return parse(ref, null, DEFAULT_NAMESPACE);
  }

  /**
   * Parses {@code [kind:][namespace/]name} with Backstage's rules: the first ':' separates the kind
   * unless a '/' comes before it; the first '/' then separates the namespace; the rest is the name.
   *
   * @param defaultKind the kind when the ref has none; null when the ref must name one
   * @param defaultNamespace the namespace when the ref has none (the referring entity's); null for
   *     "default"
   * @throws IllegalArgumentException with Backstage's message when a part is empty or the kind is
   *     missing without a default
   */
  public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
    if (ref == null) {
      throw new IllegalArgumentException("Entity reference must not be null");
    }
    String kind = null;
    String namespace = null;
    String rest = ref;
    int colon = rest.indexOf(':');
    int slash = rest.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
      slash = rest.indexOf('/');
    }
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if ("".equals(kind) || "".equals(namespace) || rest.isEmpty()) {
      throw new IllegalArgumentException(
          "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>");
    }
    return withDefaults(kind, namespace, rest, defaultKind, defaultNamespace, "\"" + ref + "\"");
  }

  /**
   * Parses a ref in either of Backstage's forms: a string, or a compound object {@code {kind,
   * namespace?, name}}.
   */
  static EntityRef parse(JsonNode ref, String defaultKind, String defaultNamespace) {
    if (ref.isString()) {
      return parse(ref.asString(), defaultKind, defaultNamespace);
    }
    if (!ref.isObject()) {
      throw new IllegalArgumentException(
          "Entity reference " + ref + " must be a string or an object with kind, namespace, name");
    }
    String kind = part(ref, "kind");
    String namespace = part(ref, "namespace");
    String name = part(ref, "name");
    if ("".equals(kind) || "".equals(namespace) || name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "Entity reference " + ref + " was not on the form {kind?, namespace?, name}");
    }
    return withDefaults(kind, namespace, name, defaultKind, defaultNamespace, ref.toString());
  }

  /** The ref of an entity: its kind, metadata.namespace (else "default") and metadata.name. */
  public static EntityRef of(JsonNode entity) {
    JsonNode kind = entity.path("kind");
    JsonNode metadata = entity.path("metadata");
    JsonNode name = metadata.path("name");
    if (!kind.isString()
        || kind.asString().isEmpty()
        || !name.isString()
        || name.asString().isEmpty()) {
      throw new IllegalArgumentException("An entity needs a kind and a metadata.name");
    }
    JsonNode ns = metadata.path("namespace");
    String namespace =
        ns.isString() && !ns.asString().isEmpty() ? ns.asString() : DEFAULT_NAMESPACE;
    return new EntityRef(kind.asString(), namespace, name.asString());
  }

  private static EntityRef withDefaults(
      String kind,
      String namespace,
      String name,
      String defaultKind,
      String defaultNamespace,
      String shown) {
    if (kind == null) {
      if (defaultKind == null || defaultKind.isEmpty()) {
        throw new IllegalArgumentException(
            "Entity reference "
                + shown
                + " had missing or empty kind (e.g. did not start with \"component:\" or similar)");
      }
      kind = defaultKind;
    }
    if (namespace == null) {
      namespace =
          defaultNamespace == null || defaultNamespace.isEmpty()
              ? DEFAULT_NAMESPACE
              : defaultNamespace;
    }
    return new EntityRef(kind, namespace, name);
  }

  private static String part(JsonNode ref, String field) {
    JsonNode value = ref.get(field);
    return value == null || value.isNull() ? null : value.asString("");
  }

  /** The canonical form, {@code kind:namespace/name}, e.g. {@code component:default/x}. */
  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }

  /** Orders by the canonical form. */
  @Override
  public int compareTo(EntityRef other) {
    return toString().compareTo(other.toString());
  }
}
