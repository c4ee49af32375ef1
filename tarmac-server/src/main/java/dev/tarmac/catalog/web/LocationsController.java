package dev.tarmac.catalog.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.ingest.Annotations;
import dev.tarmac.catalog.ingest.Registrations;
import dev.tarmac.catalog.store.LocationProgress;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.catalog.store.Locations;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Backstage's location endpoints under {@code /api/catalog}, plus where their errors are. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class LocationsController {

  private static final Set<String> LOCATION_FIELDS = Set.of("type", "target", "presence");
  private final Locations locations;
  private final Catalog catalog;
  private final RefreshStates states;

  LocationsController(Locations locations, Catalog catalog, RefreshStates states) {
    this.locations = locations;
    this.catalog = catalog;
    this.states = states;
  }

  @PostMapping(path = "/locations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> create(
      @RequestBody JsonNode body, @RequestParam(defaultValue = "false") String dryRun) {
    Requests.requireObject(body);
    body.propertyNames()
        .forEach(
            name -> {
              if (!LOCATION_FIELDS.contains(name)) {
                throw CatalogException.input("Invalid location: unknown field '" + name + "'");
              }
            });
    String type = body.path("type").isString() ? body.get("type").asString() : null;
    String target = body.path("target").isString() ? body.get("target").asString() : null;
    Registrations registrations = catalog.registrations();
    Map<String, Object> out = new LinkedHashMap<>();
    if (Boolean.parseBoolean(dryRun)) {
      Registrations.DryRun run = registrations.dryRun(type, target);
      out.put("location", location(run.location()));
      out.put("entities", run.entities());
      out.put("exists", run.exists());
      if (!run.errors().isEmpty()) {
        out.put("errors", run.errors());
      }
      return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }
    LocationRow row = registrations.register(type, target, "api");
    out.put("location", location(row));
    out.put("entities", List.of());
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  @GetMapping("/locations")
  List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LocationRow row : locations.all()) {
      out.add(Map.of("data", location(row)));
    }
    return out;
  }

  @PostMapping(path = "/locations/by-query", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> byQuery(@RequestBody JsonNode body) {
    int limit = body.path("limit").asInt(100);
    if (limit < 1 || limit > 1000) {
      throw CatalogException.input("Invalid limit " + limit + ": between 1 and 1000");
    }
    int offset = 0;
    if (body.hasNonNull("cursor")) {
      try {
        offset =
            Integer.parseInt(
                new String(
                    java.util.Base64.getUrlDecoder().decode(body.get("cursor").asString()),
                    java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw CatalogException.input("Malformed cursor");
      }
    }
    JsonNode q = body.path("query");
    String type = q.path("type").isString() ? q.get("type").asString() : null;
    String target = q.path("target").isString() ? q.get("target").asString() : null;
    List<LocationRow> rows = locations.page(type, target, offset, limit + 1);
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      pageInfo.put(
          "nextCursor",
          java.util.Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  String.valueOf(offset + limit)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    rows.forEach(r -> items.add(location(r)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("totalItems", locations.page(type, target, 0, Integer.MAX_VALUE).size());
    out.put("pageInfo", pageInfo);
    return out;
  }

  @PutMapping(path = "/locations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body) {
    Requests.requireObject(body);
    String type = body.path("type").isString() ? body.get("type").asString() : null;
    String target = body.path("target").isString() ? body.get("target").asString() : null;
    return location(catalog.registrations().update(id, type, target));
  }

  @GetMapping("/locations/{id}")
  Map<String, Object> get(@PathVariable String id) {
    return location(find(id));
  }

  @DeleteMapping("/locations/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    catalog.registrations().unregister(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/locations/by-entity/{kind}/{namespace}/{name}")
  Map<String, Object> byEntity(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    JsonNode entity =
        catalog
            .entity(new EntityRef(kind, namespace, name))
            .orElseThrow(() -> CatalogException.entityNotFound(kind, namespace, name));
    String origin = Annotations.get(entity, Annotations.ORIGIN_LOCATION);
    LocationRow row = origin == null ? null : locations.byKey(origin).orElse(null);
    if (row == null) {
      throw CatalogException.notFound("No location found for entity " + EntityRef.of(entity));
    }
    return location(row);
  }

  /** Tarmac's addition: every entity under a location whose last processing found problems. */
  @GetMapping("/locations/{id}/errors")
  Map<String, Object> errors(@PathVariable String id) {
    LocationRow row = find(id);
    return Map.of("location", location(row), "items", errorItems(row.key()));
  }

  /**
   * Tarmac's addition: how far a location's processing has got — entities read from its sources,
   * those in the catalog, those with problems, whether any is still being processed — for a
   * progress display after registering.
   */
  @GetMapping("/locations/{id}/progress")
  Map<String, Object> progress(@PathVariable String id) {
    LocationRow row = find(id);
    LocationProgress p = states.progress(row.key(), Instant.now());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("location", location(row));
    m.put("read", p.read());
    m.put("inCatalog", p.inCatalog());
    m.put("withErrors", p.withErrors());
    m.put("processing", p.processing());
    return m;
  }

  /** Entities whose processing failed (never stored) or kept errors, as the unprocessed module. */
  @GetMapping("/entities/unprocessed/failed")
  Map<String, Object> failed() {
    return Map.of("entities", errorItems(null));
  }

  private List<Map<String, Object>> errorItems(String originKey) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String[] r : states.withErrors(originKey, 1000)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("entityRef", r[0]);
      item.put("entityId", r[3]);
      item.put("locationKey", r[1]);
      item.put("state", r[4]);
      item.put("errors", Json.parse(r[2]));
      items.add(item);
    }
    return items;
  }

  private LocationRow find(String id) {
    return locations
        .byId(id)
        .orElseThrow(() -> CatalogException.notFound("Found no location with ID " + id));
  }

  static Map<String, Object> location(LocationRow row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", row.id());
    m.put("type", row.type());
    m.put("target", row.target());
    return m;
  }
}
