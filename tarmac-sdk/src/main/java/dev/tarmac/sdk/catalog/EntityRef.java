package dev.tarmac.sdk.catalog;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A reference to an entity, {@code kind:namespace/name}, compared case-insensitively.
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
   * unless a '/' comes before it; the first '/' separates the namespace.
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
    if ((kind != null && kind.isEmpty())
        || (namespace != null && namespace.isEmpty())
        || rest.isEmpty()) {
      throw new IllegalArgumentException(
          "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>");
    }
    if (kind == null) {
      if (defaultKind == null || defaultKind.isEmpty()) {
        throw new IllegalArgumentException(
            "Entity reference \""
                + ref
                + "\" had missing or empty kind (e.g. did not start with \"component:\" or similar)");
      }
      kind = defaultKind;
    }
    if (namespace == null) {
      namespace =
          defaultNamespace == null || defaultNamespace.isEmpty()
              ? DEFAULT_NAMESPACE
              : defaultNamespace;
    }
    return new EntityRef(kind, namespace, rest);
  }

  /** The ref of an entity document (namespace "default" when it names none). */
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

  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }

  @Override
  public int compareTo(EntityRef other) {
    return toString().compareTo(other.toString());
  }
}
