package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.EntityListing;
import dev.tarmac.catalog.EntitySort;
import dev.tarmac.catalog.FacetValue;
import dev.tarmac.portal.PortalSettings;
import dev.tarmac.portal.view.CatalogTable;
import dev.tarmac.portal.view.EntitySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalog table at {@code /catalog}: filters in the query string, sorting, paging. */
@Controller
class CatalogController {

  // Filter name in the URL -> the entity field it filters and facets on.
  private static final Map<String, String> FIELDS =
      Map.of(
          "kind", "kind",
          "type", "spec.type",
          "owner", "relations.ownedBy",
          "lifecycle", "spec.lifecycle",
          "tag", "metadata.tags",
          "namespace", "metadata.namespace");
  private static final Map<String, String> SORT_FIELDS =
      Map.of(
          "name", "metadata.name",
          "kind", "kind",
          "type", "spec.type",
          "owner", "spec.owner",
          "lifecycle", "spec.lifecycle");

  private final Catalog catalog;
  private final PortalSettings settings;

  CatalogController(Catalog catalog, PortalSettings settings) {
    this.catalog = catalog;
    this.settings = settings;
  }

  @GetMapping("/catalog")
  String table(
      @RequestParam Map<String, String> params,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "1") String page,
      Model model) {
    Map<String, String> chosen = new LinkedHashMap<>();
    for (String f : CatalogTable.FILTERS) {
      String v = params.get("filters[" + f + "]");
      if (v != null && !v.isBlank() && v.indexOf(',') < 0) {
        chosen.put(f, v.trim());
      }
    }
    String column = sort.startsWith("-") ? sort.substring(1) : sort;
    if (!SORT_FIELDS.containsKey(column)) {
      column = "name";
      sort = "name";
    }
    List<String> filter = filterOf(chosen);
    int size = settings.pageSize();
    int n = parsePage(page);
    EntityListing listing =
        catalog.entities(
            filter,
            List.of(new EntitySort(SORT_FIELDS.get(column), !sort.startsWith("-"))),
            q.isBlank() ? null : q.trim(),
            size,
            (n - 1) * size);
    List<EntitySummary> rows =
        KnownRefs.owners(catalog, listing.items().stream().map(EntitySummary::of).toList());
    int pages = (int) Math.max(1, (listing.totalItems() + size - 1) / size);
    model.addAttribute(
        "table",
        new CatalogTable(
            chosen, options(chosen), q.trim(), sort, rows, listing.totalItems(), n, pages));
    return "catalog";
  }

  /** Choices for each filter among entities of the chosen kind (all kinds for the kind filter). */
  private Map<String, List<FacetValue>> options(Map<String, String> chosen) {
    List<String> fields = CatalogTable.FILTERS.stream().map(FIELDS::get).toList();
    Map<String, List<FacetValue>> byField =
        chosen.containsKey("kind")
            ? catalog.facets(fields, List.of("kind=" + chosen.get("kind")))
            : catalog.facets(fields, List.of());
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String f : CatalogTable.FILTERS) {
      out.put(f, merged(byField.getOrDefault(FIELDS.get(f), List.of())));
    }
    if (chosen.containsKey("kind")) {
      out.put("kind", merged(catalog.facets(List.of("kind"), List.of()).get("kind")));
    }
    return out;
  }

  /** Facet values differing only in case are one choice, as filters ignore case. */
  private static List<FacetValue> merged(List<FacetValue> values) {
    Map<String, FacetValue> out = new LinkedHashMap<>();
    for (FacetValue v : values) {
      out.merge(
          v.value().toLowerCase(Locale.ROOT),
          v,
          (a, b) -> new FacetValue(a.value(), a.count() + b.count()));
    }
    return new ArrayList<>(out.values());
  }

  private static List<String> filterOf(Map<String, String> chosen) {
    if (chosen.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    chosen.forEach((k, v) -> parts.add(FIELDS.get(k) + "=" + v));
    return List.of(String.join(",", parts));
  }

  private static int parsePage(String page) {
    try {
      return Math.max(1, Integer.parseInt(page));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
