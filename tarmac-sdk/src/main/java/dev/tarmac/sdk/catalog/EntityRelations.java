package dev.tarmac.sdk.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The relations Backstage's built-in kinds derive from their spec fields, each in both directions.
 * Refs default to the entity's own namespace; an explicit kind in a ref always wins.
 */
public final class EntityRelations {

  private EntityRelations() {}

  /** Derives the relations of one entity; a malformed ref fails naming the field. */
  public static List<Relation> derive(JsonNode entity) {
    EntityRef self = EntityRef.of(entity);
    String ns = self.namespace();
    JsonNode spec = entity.path("spec");
    Set<Relation> out = new LinkedHashSet<>();
    Emitter e = new Emitter(self, ns, spec, out);
    switch (self.kind()) {
      case "component" -> {
        e.one("owner", "group", "ownedBy", "ownerOf");
        e.one("system", "system", "partOf", "hasPart");
        e.one("subcomponentOf", "component", "partOf", "hasPart");
        e.many("providesApis", "api", "providesApi", "apiProvidedBy");
        e.many("consumesApis", "api", "consumesApi", "apiConsumedBy");
        e.many("dependsOn", null, "dependsOn", "dependencyOf");
        e.many("dependencyOf", null, "dependencyOf", "dependsOn");
      }
      case "api" -> {
        e.one("owner", "group", "ownedBy", "ownerOf");
        e.one("system", "system", "partOf", "hasPart");
      }
      case "resource" -> {
        e.one("owner", "group", "ownedBy", "ownerOf");
        e.one("system", "system", "partOf", "hasPart");
        e.many("dependsOn", null, "dependsOn", "dependencyOf");
        e.many("dependencyOf", null, "dependencyOf", "dependsOn");
      }
      case "system" -> {
        e.one("owner", "group", "ownedBy", "ownerOf");
        e.one("domain", "domain", "partOf", "hasPart");
      }
      case "domain" -> {
        e.one("owner", "group", "ownedBy", "ownerOf");
        e.one("subdomainOf", "domain", "partOf", "hasPart");
      }
      case "user" -> e.many("memberOf", "group", "memberOf", "hasMember");
      case "group" -> {
        e.one("parent", "group", "childOf", "parentOf");
        e.many("children", "group", "parentOf", "childOf");
        e.many("members", "user", "hasMember", "memberOf");
      }
      case "template" -> e.one("owner", "group", "ownedBy", "ownerOf");
      default -> {
        // other kinds derive no relations
      }
    }
    return new ArrayList<>(out);
  }

  /** Emits both directions of the relations of one entity. */
  private record Emitter(EntityRef self, String namespace, JsonNode spec, Set<Relation> out) {

    void one(String field, String defaultKind, String forward, String reverse) {
      JsonNode v = spec.get(field);
      if (v != null && !v.isNull()) {
        add(field, v, defaultKind, forward, reverse);
      }
    }

    void many(String field, String defaultKind, String forward, String reverse) {
      JsonNode v = spec.get(field);
      if (v == null || !v.isArray()) {
        return;
      }
      List<JsonNode> items = new ArrayList<>();
      v.forEach(items::add);
      // Backstage sorts these string arrays before deriving relations.
      items.sort((a, b) -> a.asString("").compareTo(b.asString("")));
      for (JsonNode item : items) {
        add(field, item, defaultKind, forward, reverse);
      }
    }

    private void add(
        String field, JsonNode value, String defaultKind, String forward, String reverse) {
      EntityRef target;
      try {
        if (value.isObject()) {
          String kind = value.path("kind").asString(defaultKind);
          String ns = value.path("namespace").asString(namespace);
          String name = value.path("name").asString("");
          if (kind == null || name.isEmpty()) {
            throw new IllegalArgumentException(
                "Entity reference " + value + " must have a name and a kind");
          }
          target = new EntityRef(kind, ns, name);
        } else {
          target = EntityRef.parse(value.asString(), defaultKind, namespace);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec." + field + ": " + e.getMessage(), e);
      }
      out.add(new Relation(forward, self, target));
      out.add(new Relation(reverse, target, self));
    }
  }

  /** Lower-cases like the refs do (kept for callers comparing types). */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
