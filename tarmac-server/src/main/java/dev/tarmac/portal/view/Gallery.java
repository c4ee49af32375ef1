package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.TemplateSummary;
import java.util.List;

/**
 * The template gallery.
 *
 * @param templates templates matching the filters
 * @param tags every tag in use, for the filter
 * @param types every template type in use, for the filter
 * @param tag the chosen tag, or empty
 * @param type the chosen type, or empty
 */
public record Gallery(
    List<TemplateSummary> templates,
    List<String> tags,
    List<String> types,
    String tag,
    String type) {

  /** The template's wizard URL. */
  public static String wizard(TemplateSummary t) {
    return Paths.ref(t.ref()).replaceFirst("^/catalog/([^/]+)/template/", "/create/templates/$1/");
  }
}
