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
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Backstage's entity endpoints under {@code /api/catalog}. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class EntitiesController {

  private static final int DEFAULT_QUERY_LIMIT = 200;
  private final EntityQueries queries;
  private final FinalEntities finals;
  private final Catalog catalog;

  EntitiesController(EntityQueries queries, FinalEntities finals, Catalog catalog) {
    this.queries = queries;
    this.finals = finals;
    this.catalog = catalog;
  }

  @GetMapping("/entities")
  void entities(
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    List<String> projection = Fields.parse(Params.all(request, "fields"));
    List<EntityQuery.Order> orders = parseOrders(Params.all(request, "order"));
    EntityPredicate predicate = FilterParser.parse(Params.all(request, "filter"));
    int lim = -1;
    int off = 0;
    if (after != null) {
      if (after.isBlank()) {
        throw CatalogException.input("Invalid after: must not be empty");
      }
      int[] pos = decodeAfter(after);
      lim = pos[0];
      off = pos[1];
    }
    if (limit != null) {
      lim = parseInt("limit", limit, 1);
    }
    if (offset != null) {
      off = parseInt("offset", offset, 0);
    }
    boolean paged = lim > 0;
    EntityQuery query =
        new EntityQuery(predicate, orders, null, List.of(), paged ? lim + 1 : -1, off);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    if (!paged) {
      writeArray(response.getOutputStream(), query, projection, Integer.MAX_VALUE);
      return;
    }
    List<String> page = queries.page(query);
    if (page.size() > lim) {
      String cursor =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((lim + ":" + (off + lim)).getBytes(StandardCharsets.UTF_8));
      response.setHeader("link", "<" + nextLink(request, cursor) + ">; rel=\"next\"");
      page = page.subList(0, lim);
    }
    try (OutputStream out = response.getOutputStream()) {
      out.write('[');
      for (int i = 0; i < page.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(render(page.get(i), projection).getBytes(StandardCharsets.UTF_8));
      }
      out.write(']');
    }
  }

  private void writeArray(OutputStream raw, EntityQuery query, List<String> projection, int max)
      throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(raw, 64 * 1024)) {
      out.write('[');
      boolean[] first = {true};
      queries.stream(
          query,
          json -> {
            try {
              if (!first[0]) {
                out.write(',');
              }
              first[0] = false;
              out.write(render(json, projection).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      out.write(']');
    }
  }

  @GetMapping("/entities/by-query")
  ResponseEntity<String> byQueryGet(
      @RequestParam(required = false) String fullTextFilterTerm,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String totalItems,
      HttpServletRequest request) {
    List<String> filter = Params.all(request, "filter");
    List<String> orderField = Params.all(request, "orderField");
    List<String> fields = Params.all(request, "fields");
    List<String> fullTextFilterFields = Params.all(request, "fullTextFilterFields");
    QueryCursor q =
        cursor != null
            ? QueryCursor.decode(cursor)
            : new QueryCursor(
                filter,
                null,
                orderField == null ? List.of() : orderField,
                fullTextFilterTerm,
                splitFields(fullTextFilterFields),
                offset == null ? 0 : parseInt("offset", offset, 0),
                0);
    int lim =
        limit != null
            ? parseInt("limit", limit, 0)
            : q.limit() > 0 ? q.limit() : DEFAULT_QUERY_LIMIT;
    return runQuery(q, lim, Fields.parse(fields), !"exclude".equals(totalItems));
  }

  @PostMapping(path = "/entities/by-query", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> byQueryPost(@RequestBody JsonNode body) {
    requireObject(body);
    QueryCursor q;
    if (body.hasNonNull("cursor")) {
      q = QueryCursor.decode(body.get("cursor").asString());
    } else {
      List<String> orders = new ArrayList<>();
      for (JsonNode o :
          body.path("orderBy").isArray()
              ? body.path("orderBy")
              : Json.MAPPER.createArrayNode().add(body.path("orderBy"))) {
        if (o.hasNonNull("field")) {
          orders.add(o.get("field").asString() + "," + o.path("order").asString("asc"));
        }
      }
      JsonNode ft = body.path("fullTextFilter");
      List<String> ftFields = new ArrayList<>();
      ft.path("fields").forEach(f -> ftFields.add(f.asString()));
      q =
          new QueryCursor(
              List.of(),
              body.get("filter"),
              orders,
              ft.hasNonNull("term") ? ft.get("term").asString() : null,
              ftFields,
              body.path("offset").asInt(0),
              0);
    }
    int lim = body.path("limit").asInt(q.limit() > 0 ? q.limit() : DEFAULT_QUERY_LIMIT);
    List<String> fields = new ArrayList<>();
    body.path("fields").forEach(f -> fields.add(f.asString()));
    return runQuery(q, lim, Fields.parse(fields), true);
  }

  private ResponseEntity<String> runQuery(
      QueryCursor q, int limit, List<String> fields, boolean total) {
    EntityPredicate predicate =
        q.filterJson() != null && !q.filterJson().isNull()
            ? FilterParser.parse(q.filterJson())
            : FilterParser.parse(q.filters());
    List<EntityQuery.Order> orders = new ArrayList<>();
    for (String o : q.orderFields()) {
      String[] parts = o.split(",");
      String dir = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
      if (!dir.equals("asc") && !dir.equals("desc")) {
        throw CatalogException.input("Invalid orderField \"" + o + "\": order must be asc or desc");
      }
      orders.add(new EntityQuery.Order(parts[0].trim(), dir.equals("asc")));
      break; // Backstage uses only the first order field
    }
    List<String> termFields =
        q.termFields().isEmpty()
            ? List.of(orders.isEmpty() ? "metadata.uid" : orders.get(0).field())
            : q.termFields();
    EntityQuery query =
        new EntityQuery(predicate, orders, q.term(), termFields, limit + 1, q.offset());
    List<String> page = limit == 0 ? List.of() : queries.page(query);
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (page.size() > limit) {
      page = page.subList(0, limit);
      pageInfo.put("nextCursor", q.at(q.offset() + limit, limit).encode());
    }
    if (q.offset() > 0) {
      pageInfo.put("prevCursor", q.at(Math.max(0, q.offset() - limit), limit).encode());
    }
    StringBuilder out = new StringBuilder(page.size() * 2048 + 256).append("{\"items\":[");
    for (int i = 0; i < page.size(); i++) {
      out.append(i == 0 ? "" : ",").append(render(page.get(i), fields));
    }
    out.append(']');
    if (total) {
      out.append(",\"totalItems\":").append(queries.count(query));
    }
    out.append(",\"pageInfo\":").append(Json.write(pageInfo)).append('}');
    return raw(out.toString());
  }

  @GetMapping("/entities/by-uid/{uid}")
  ResponseEntity<String> byUid(@PathVariable String uid) {
    return raw(
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
    return raw(
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

  /** The stored JSON as it is: no parsing and re-serialising on the hot read paths. */
  private static ResponseEntity<String> raw(String json) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  @PostMapping(path = "/entities/by-refs", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> byRefs(@RequestBody JsonNode body, HttpServletRequest request) {
    List<String> fields = Params.all(request, "fields");
    List<String> filter = Params.all(request, "filter");
    requireObject(body);
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
    requireObject(body);
    List<String> facets = new ArrayList<>();
    body.path("facets").forEach(f -> facets.add(f.asString()));
    if (facets.isEmpty()) {
      throw CatalogException.input("Missing facets");
    }
    return Map.of("facets", queries.facets(facets, FilterParser.parse(body.get("filter"))));
  }

  @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> refresh(@RequestBody JsonNode body) {
    requireObject(body);
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

  static void requireObject(JsonNode body) {
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw CatalogException.input("Expected a non-empty JSON object as the request body");
    }
  }

  private static String render(String json, List<String> projection) {
    return projection.isEmpty() ? json : Json.write(Fields.project(Json.parse(json), projection));
  }

  private static List<EntityQuery.Order> parseOrders(List<String> order) {
    List<EntityQuery.Order> out = new ArrayList<>();
    if (order == null) {
      return out;
    }
    for (String o : order) {
      for (String part : o.split(",")) {
        int colon = part.indexOf(':');
        String dir = colon < 0 ? "" : part.substring(0, colon);
        if (!dir.equals("asc") && !dir.equals("desc")) {
          throw CatalogException.input(
              "Invalid order \"" + part + "\": expected asc:<field> or desc:<field>");
        }
        out.add(new EntityQuery.Order(part.substring(colon + 1), dir.equals("asc")));
      }
    }
    return out;
  }

  private static List<String> splitFields(List<String> params) {
    List<String> out = new ArrayList<>();
    if (params != null) {
      params.forEach(
          p -> {
            for (String f : p.split(",")) {
              if (!f.isBlank()) {
                out.add(f.trim());
              }
            }
          });
    }
    return out;
  }

  static int parseInt(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min) {
        throw CatalogException.input(
            "Invalid " + name + " \"" + value + "\": must be at least " + min);
      }
      return n;
    } catch (NumberFormatException e) {
      throw CatalogException.input("Invalid " + name + " \"" + value + "\": not an integer");
    }
  }

  private static int[] decodeAfter(String after) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      String[] parts = s.split(":");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (RuntimeException e) {
      throw CatalogException.input("Malformed after cursor");
    }
  }

  private static String nextLink(HttpServletRequest request, String cursor) {
    StringBuilder link = new StringBuilder("/entities?");
    boolean first = true;
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (List.of("after", "limit", "offset").contains(p.getKey())) {
        continue;
      }
      for (String v : p.getValue()) {
        link.append(first ? "" : "&").append(enc(p.getKey())).append('=').append(enc(v));
        first = false;
      }
    }
    return link.append(first ? "" : "&").append("after=").append(cursor).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
