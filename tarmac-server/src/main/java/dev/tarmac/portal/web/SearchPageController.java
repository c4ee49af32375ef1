package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.SearchResults;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.SearchPage;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Full-text search over the catalog at {@code /search?query=}, with hits per kind. */
@Controller
class SearchPageController {

  private static final int PAGE = 20;
  private final Catalog catalog;

  SearchPageController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/search")
  String search(
      @RequestParam(defaultValue = "") String query,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    String q = query.trim();
    int n = Math.max(1, page);
    Map<String, Long> kinds = new LinkedHashMap<>();
    List<EntitySummary> hits = List.of();
    long total = 0;
    if (!q.isEmpty()) {
      for (String k : catalog.countByKind().keySet()) {
        long count = catalog.search(q, Map.of("kind", List.of(k)), 0, 1).total();
        if (count > 0) {
          kinds.put(k, count);
        }
      }
      Map<String, List<String>> filters = kind.isBlank() ? Map.of() : Map.of("kind", List.of(kind));
      SearchResults results = catalog.search(q, filters, (n - 1) * PAGE, PAGE);
      total = results.total();
      // Shown as the catalog shows them (a person by display name, the description alone), from
      // the entity itself where it is still there.
      hits =
          results.hits().stream()
              .map(
                  h ->
                      catalog
                          .entity(EntityRef.parse(h.entityRef()))
                          .map(EntitySummary::of)
                          .orElseGet(() -> EntitySummary.of(h)))
              .toList();
    }
    int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
    model.addAttribute("search", new SearchPage(q, kind, kinds, hits, total, n, pages));
    return "search";
  }
}
