package dev.tarmac.portal.view;

import dev.tarmac.catalog.LocationProblem;
import java.util.List;
import java.util.Set;

/**
 * The entity page.
 *
 * @param details the entity's about card, problems, YAML and API definition
 * @param graph its relations, laid out
 * @param owned what it owns (groups and users), first page
 * @param ownedTotal how many entities it owns in all
 * @param refreshed whether a refresh was just requested
 * @param delivery the delivery-metrics card (components), or null
 * @param problemsUnder for a registered location's Location entity: its entities with problems
 * @param missing entities it refers to that are not in the catalog (named, not linked)
 * @param defines for a Location: the entities it emits that are in the catalog, first page
 * @param definesTotal for a Location: how many entities it emits in all
 */
public record EntityPage(
    EntityDetails details,
    RelationGraph graph,
    List<EntitySummary> owned,
    long ownedTotal,
    boolean refreshed,
    DeliveryCard delivery,
    List<LocationProblem> problemsUnder,
    Set<String> missing,
    List<EntitySummary> defines,
    long definesTotal) {

  /** Whether a referenced entity is in the catalog, so that the page may link to it. */
  public boolean inCatalog(String ref) {
    return !missing.contains(ref);
  }
}
