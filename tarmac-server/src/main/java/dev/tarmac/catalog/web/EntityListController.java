package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.query.EntityPredicate;
import dev.tarmac.catalog.query.EntityQueries;
import dev.tarmac.catalog.query.EntityQuery;
import dev.tarmac.catalog.query.FilterParser;
import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Backstage's entity listing endpoints: {@code entities} and {@code entities/by-query}. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class EntityListController {
  private static final int DEFAULT_QUERY_LIMIT = 200;
  private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
  private final EntityQueries queries;

  EntityListController(EntityQueries queries) {
    this.queries = queries;
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
      lim = Requests.parseInt("limit", limit, 1);
    }
    if (offset != null) {
      off = Requests.parseInt("offset", offset, 0);
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
      queries.streamUtf8(
          query,
          json -> {
            try {
              if (!first[0]) {
                out.write(',');
              }
              first[0] = false;
              out.write(projection.isEmpty() ? json : render(json, projection));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      out.write(']');
    }
  }

  @GetMapping("/entities/by-query")
  ResponseEntity<byte[]> byQueryGet(
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
                offset == null ? 0 : Requests.parseInt("offset", offset, 0),
                0);
    int lim =
        limit != null
            ? Requests.parseInt("limit", limit, 0)
            : q.limit() > 0 ? q.limit() : DEFAULT_QUERY_LIMIT;
    return runQuery(q, lim, Fields.parse(fields), !"exclude".equals(totalItems));
  }

  @PostMapping(path = "/entities/by-query", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> byQueryPost(@RequestBody JsonNode body) {
    Requests.requireObject(body);
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

  private ResponseEntity<byte[]> runQuery(
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
    EntityQueries.Page result = queries.pageUtf8(query);
    List<byte[]> page = limit == 0 ? List.of() : result.items();
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (page.size() > limit) {
      page = page.subList(0, limit);
      pageInfo.put("nextCursor", q.at(q.offset() + limit, limit).encode());
    }
    if (q.offset() > 0) {
      pageInfo.put("prevCursor", q.at(Math.max(0, q.offset() - limit), limit).encode());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.size() * 2048 + 256);
    out.writeBytes(ITEMS);
    for (int i = 0; i < page.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(fields.isEmpty() ? page.get(i) : render(page.get(i), fields));
    }
    out.write(']');
    if (total) {
      out.writeBytes((",\"totalItems\":" + result.total()).getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(",\"pageInfo\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(Json.MAPPER.writeValueAsBytes(pageInfo));
    out.write('}');
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
  }

  private static byte[] render(byte[] json, List<String> projection) {
    return Json.MAPPER.writeValueAsBytes(Fields.project(Json.parse(json), projection));
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
