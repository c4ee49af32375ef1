package dev.tarmac.portal.view;

import dev.tarmac.catalog.RegisteredLocation;
import java.util.List;

/**
 * The register page: the form, then the analysis, then the result.
 *
 * @param type file, url or git
 * @param target what was entered
 * @param error why the location cannot be read or registered, or empty
 * @param analysed whether an analysis ran
 * @param exists whether the location is already registered
 * @param entities the entities it would add
 * @param problems problems found in them
 * @param registered the registered location after confirming, or null
 */
public record ImportPage(
    String type,
    String target,
    String error,
    boolean analysed,
    boolean exists,
    List<EntitySummary> entities,
    List<String> problems,
    RegisteredLocation registered) {

  /** The empty form. */
  public static ImportPage form(String type, String target, String error) {
    return new ImportPage(type, target, error, false, false, List.of(), List.of(), null);
  }
}
