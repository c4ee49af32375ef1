package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.TemplateSummary;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.List;
import java.util.Set;

/**
 * The template gallery.
 *
 * @param templates templates matching the filters
 * @param tags every tag in use, for the filter
 * @param types every template type in use, for the filter
 * @param tag the chosen tag, or empty
 * @param type the chosen type, or empty
 * @param missingOwners owners (canonical refs) that templates name but the catalog lacks
 */
public record Gallery(
    List<TemplateSummary> templates,
    List<String> tags,
    List<String> types,
    String tag,
    String type,
    Set<String> missingOwners) {

  /** A template's owner as a canonical ref (a bare name is a group's), or empty. */
  public static String owner(TemplateSummary t) {
    if (t.owner() == null || t.owner().isBlank()) {
      return "";
    }
    try {
      return EntityRef.parse(t.owner(), "group", "default").toString();
    } catch (RuntimeException e) {
      return t.owner();
    }
  }

  /** Whether the template's owner is in the catalog, so that the gallery may link to it. */
  public boolean ownerInCatalog(TemplateSummary t) {
    return !missingOwners.contains(owner(t));
  }

  /** The template's wizard URL. */
  public static String wizard(TemplateSummary t) {
    return Paths.ref(t.ref()).replaceFirst("^/catalog/([^/]+)/template/", "/create/templates/$1/");
  }
}
