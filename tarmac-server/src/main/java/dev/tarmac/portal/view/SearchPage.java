package dev.tarmac.portal.view;

import java.util.List;
import java.util.Map;

/**
 * The search page.
 *
 * @param query the words searched for
 * @param kind the kind the results are narrowed to, or empty
 * @param kinds hits per kind for the facet list
 * @param hits this page's results
 * @param total hits in all
 * @param page page number, from 1
 * @param pages number of pages
 */
public record SearchPage(
    String query,
    String kind,
    Map<String, Long> kinds,
    List<EntitySummary> hits,
    long total,
    int page,
    int pages) {

  /** The URL of this search narrowed to a kind (empty: all kinds) on page one. */
  public String kindLink(String k) {
    return "/search?query=" + Paths.enc(query) + (k.isEmpty() ? "" : "&kind=" + Paths.enc(k));
  }

  /** The URL of another page of this search. */
  public String pageLink(int n) {
    return kindLink(kind) + (n > 1 ? "&page=" + n : "");
  }
}
