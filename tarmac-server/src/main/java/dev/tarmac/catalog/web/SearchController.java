package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.search.SearchDocument;
import dev.tarmac.catalog.search.SearchIndex;
import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backstage's search API over the catalog: {@code GET /api/search/query?term=&filters[kind]=…} with
 * Backstage's result shape and page cursors.
 */
@RestController
class SearchController {

  private static final Pattern FILTER = Pattern.compile("^filters\\[([A-Za-z]+)](\\[\\d*])?$");
  private static final int DEFAULT_LIMIT = 25;
  private final SearchIndex index;

  SearchController(SearchIndex index) {
    this.index = index;
  }

  @GetMapping(path = "/api/search/query", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> query(
      @RequestParam(required = false) String term,
      @RequestParam(required = false) String pageCursor,
      @RequestParam(required = false) String pageLimit,
      HttpServletRequest request) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              Matcher m = FILTER.matcher(name);
              if (!m.matches()) {
                return;
              }
              String key = m.group(1).equals("componentType") ? "type" : m.group(1);
              if (!SearchIndex.FILTERS.contains(key)) {
                throw CatalogException.input(
                    "Unknown search filter '" + key + "'; use one of " + SearchIndex.FILTERS);
              }
              filters.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(values));
            });
    int limit = pageLimit == null ? DEFAULT_LIMIT : Requests.parseInt("pageLimit", pageLimit, 1);
    if (limit > 100) {
      throw CatalogException.input("Invalid pageLimit " + limit + ": at most 100");
    }
    int page = pageCursor == null ? 0 : decodePage(pageCursor);
    SearchIndex.Page result = index.search(term, filters, page * limit, limit);
    List<Map<String, Object>> results = new ArrayList<>();
    for (SearchIndex.Hit hit : result.hits()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("type", "software-catalog");
      r.put("document", document(hit.document()));
      r.put("rank", hit.rank());
      results.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", results);
    if ((long) (page + 1) * limit < result.total()) {
      out.put("nextPageCursor", encodePage(page + 1));
    }
    if (page > 0) {
      out.put("previousPageCursor", encodePage(page - 1));
    }
    out.put("numberOfResults", result.total());
    return out;
  }

  private static Map<String, Object> document(SearchDocument d) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("title", d.title());
    doc.put("text", d.text());
    doc.put("location", d.location());
    doc.put("kind", d.kind());
    doc.put("namespace", d.namespace());
    doc.put("name", d.name());
    doc.put("type", d.type());
    doc.put("componentType", d.type());
    doc.put("lifecycle", d.lifecycle());
    doc.put("owner", d.owner());
    doc.put("entityRef", d.ref());
    return doc;
  }

  private static String encodePage(int page) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("{\"page\":" + page + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static int decodePage(String cursor) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int page = Json.parse(json).path("page").asInt(-1);
      if (page < 0) {
        throw CatalogException.input("Malformed pageCursor");
      }
      return page;
    } catch (IllegalArgumentException e) {
      throw CatalogException.input("Malformed pageCursor");
    }
  }
}
