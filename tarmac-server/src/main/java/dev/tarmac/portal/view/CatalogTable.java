package dev.tarmac.portal.view;

import dev.tarmac.catalog.FacetValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog table page: the filters in force, the choices for each, one page of rows.
 *
 * @param filters chosen filter values by name (kind, type, owner, lifecycle, tag, namespace)
 * @param options the values each filter offers, with counts
 * @param query free text typed in the search box, or empty
 * @param sort the sort column, {@code -} first for descending
 * @param rows this page's entities
 * @param total entities matching in all
 * @param page the page number, from 1
 * @param pages number of pages
 */
public record CatalogTable(
    Map<String, String> filters,
    Map<String, List<FacetValue>> options,
    String query,
    String sort,
    List<EntitySummary> rows,
    long total,
    int page,
    int pages) {

  /** Filter names, in the order the page shows them. */
  public static final List<String> FILTERS =
      List.of("kind", "type", "owner", "lifecycle", "tag", "namespace");

  /** Sortable columns. */
  public static final List<String> COLUMNS = List.of("name", "kind", "type", "owner", "lifecycle");

  /** The URL of this view with another page. */
  public String pageLink(int n) {
    return link(filters, query, sort, n);
  }

  /** The URL of this view sorted by a column (a second click reverses it). */
  public String sortLink(String column) {
    return link(filters, query, sort.equals(column) ? "-" + column : column, 1);
  }

  /**
   * The aria-sort of a column header: ascending or descending on the sorted column, null (no
   * attribute) on the others, as ARIA asks for one sorted header at a time.
   */
  public String ariaSort(String column) {
    if (sort.equals(column)) {
      return "ascending";
    }
    return sort.equals("-" + column) ? "descending" : null;
  }

  /** The URL of this view without one filter. */
  public String without(String filter) {
    Map<String, String> f = new LinkedHashMap<>(filters);
    f.remove(filter);
    return link(f, query, sort, 1);
  }

  /** Builds a catalog URL; filters use Backstage's {@code filters[name]=value} form. */
  public static String link(Map<String, String> filters, String query, String sort, int page) {
    StringBuilder s = new StringBuilder("/catalog?");
    filters.forEach(
        (k, v) -> s.append("filters%5B").append(k).append("%5D=").append(Paths.enc(v)).append('&'));
    if (!query.isEmpty()) {
      s.append("q=").append(Paths.enc(query)).append('&');
    }
    if (!sort.equals("name")) {
      s.append("sort=").append(Paths.enc(sort)).append('&');
    }
    if (page > 1) {
      s.append("page=").append(page).append('&');
    }
    return s.substring(0, s.length() - 1);
  }
}
