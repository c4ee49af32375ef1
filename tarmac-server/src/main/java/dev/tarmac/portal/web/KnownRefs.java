package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.portal.view.EntitySummary;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which referenced entities are in the catalog, so that pages link only to those and name the
 * others as missing instead of leading to a 404 (an owner or a dependency nobody registered).
 */
final class KnownRefs {

  private KnownRefs() {}

  /** The refs among these that are not in the catalog. */
  static Set<String> missing(Catalog catalog, Collection<String> refs) {
    Set<String> missing = new HashSet<>(refs);
    missing.removeAll(catalog.present(refs));
    return missing;
  }

  /** The rows, each saying whether its owner is in the catalog (one lookup for them all). */
  static List<EntitySummary> owners(Catalog catalog, List<EntitySummary> rows) {
    Set<String> owners = new HashSet<>();
    rows.forEach(r -> owners.add(r.owner()));
    owners.remove("");
    if (owners.isEmpty()) {
      return rows;
    }
    Set<String> present = catalog.present(owners);
    return rows.stream()
        .map(r -> r.owner().isEmpty() ? r : r.withOwnerInCatalog(present.contains(r.owner())))
        .toList();
  }
}
