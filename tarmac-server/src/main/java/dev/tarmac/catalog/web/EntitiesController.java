package dev.tarmac.catalog.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.query.EntityPredicate;
import dev.tarmac.catalog.query.EntityQueries;
import dev.tarmac.catalog.query.EntityQuery;
import dev.tarmac.catalog.query.FilterParser;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Backstage's entity endpoints under {@code /api/catalog}. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class EntitiesController {
  private final EntityQueries queries;
  private final FinalEntities finals;
  private final Catalog catalog;

  EntitiesController(EntityQueries queries, FinalEntities finals, Catalog catalog) {
    this.queries = queries;
    this.finals = finals;
    this.catalog = catalog;
  }

  @GetMapping("/entities/by-uid/{uid}")
  ResponseEntity<String> byUid(@PathVariable String uid) {
    return Requests.raw(
        finals
            .byUid(uid)
            .orElseThrow(() -> CatalogException.notFound("No entity with uid " + uid)));
  }

  @DeleteMapping("/entities/by-uid/{uid}")
  ResponseEntity<Void> deleteByUid(@PathVariable String uid) {
    catalog.deleteByUid(uid);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/entities/by-name/{kind}/{namespace}/{name}")
  ResponseEntity<String> byName(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    String ref = new EntityRef(kind, namespace, name).toString();
    return Requests.raw(
        finals
            .byRef(ref)
            .orElseThrow(() -> CatalogException.entityNotFound(kind, namespace, name)));
  }

  @GetMapping("/entities/by-name/{kind}/{namespace}/{name}/ancestry")
  Map<String, Object> ancestry(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    EntityRef ref = new EntityRef(kind, namespace, name);
    List<Catalog.Ancestor> items = catalog.ancestry(ref);
    if (items.isEmpty()) {
      throw CatalogException.entityNotFound(kind, namespace, name);
    }
    return Map.of("rootEntityRef", ref.toString(), "items", items);
  }

  @PostMapping(path = "/entities/by-refs", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> byRefs(@RequestBody JsonNode body, HttpServletRequest request) {
    List<String> fields = Params.all(request, "fields");
    List<String> filter = Params.all(request, "filter");
    Requests.requireObject(body);
    JsonNode refs = body.get("entityRefs");
    if (refs == null || !refs.isArray()) {
      throw CatalogException.input("Invalid body: entityRefs must be an array of entity refs");
    }
    List<String> projection = new ArrayList<>(Fields.parse(fields));
    body.path("fields").forEach(f -> projection.add(f.asString()));
    List<String> canonical = new ArrayList<>();
    for (JsonNode r : refs) {
      try {
        canonical.add(EntityRef.parse(r.asString()).toString());
      } catch (IllegalArgumentException e) {
        throw CatalogException.input(e.getMessage());
      }
    }
    Map<String, String> found = finals.byRefs(canonical);
    EntityPredicate predicate =
        body.has("filter") ? FilterParser.parse(body.get("filter")) : FilterParser.parse(filter);
    if (predicate != null && !found.isEmpty()) {
      List<String> allowed = new ArrayList<>();
      queries.stream(
          EntityQuery.all(
              new EntityPredicate.AllOf(
                  List.of(
                      predicate,
                      new EntityPredicate.Key(
                          "metadata.uid",
                          found.values().stream()
                              .map(j -> Json.parse(j).path("metadata").path("uid").asString())
                              .toList())))),
          json -> allowed.add(EntityRef.of(Json.parse(json)).toString()));
      found.keySet().retainAll(allowed);
    }
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (String ref : canonical) {
      String json = found.get(ref);
      items.add(
          json == null ? Json.MAPPER.nullNode() : Fields.project(Json.parse(json), projection));
    }
    return Map.of("items", items);
  }

  @GetMapping("/entity-facets")
  Map<String, Object> facets(HttpServletRequest request) {
    List<String> facet = Params.all(request, "facet");
    List<String> filter = Params.all(request, "filter");
    if (facet == null || facet.isEmpty()) {
      throw CatalogException.input("Missing facet parameter");
    }
    return Map.of("facets", queries.facets(facet, FilterParser.parse(filter)));
  }

  @PostMapping(path = "/entity-facets", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> facetsPost(@RequestBody JsonNode body) {
    Requests.requireObject(body);
    List<String> facets = new ArrayList<>();
    body.path("facets").forEach(f -> facets.add(f.asString()));
    if (facets.isEmpty()) {
      throw CatalogException.input("Missing facets");
    }
    return Map.of("facets", queries.facets(facets, FilterParser.parse(body.get("filter"))));
  }

  @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> refresh(@RequestBody JsonNode body) {
    Requests.requireObject(body);
    if (!body.path("entityRef").isString()) {
      throw CatalogException.input("Invalid body: entityRef is required");
    }
    EntityRef ref;
    try {
      ref = EntityRef.parse(body.get("entityRef").asString());
    } catch (IllegalArgumentException e) {
      throw CatalogException.input(e.getMessage());
    }
    catalog.refresh(ref);
    return ResponseEntity.ok().build();
  }
}
