package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.EntityListing;
import dev.tarmac.catalog.EntitySort;
import dev.tarmac.catalog.LocationProblem;
import dev.tarmac.portal.view.DeliveryCard;
import dev.tarmac.portal.view.EntityDetails;
import dev.tarmac.portal.view.EntityPage;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.Paths;
import dev.tarmac.portal.view.RelationGraph;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** The entity page at {@code /catalog/:namespace/:kind/:name}, and "refresh now". */
@Controller
class EntityController {

  private static final int OWNED_PAGE = 50;
  private static final int PROBLEMS_UNDER = 100;
  private final Catalog catalog;
  private final DeliveryCards delivery;

  EntityController(Catalog catalog, DeliveryCards delivery) {
    this.catalog = catalog;
    this.delivery = delivery;
  }

  @GetMapping("/catalog/{namespace}/{kind}/{name}")
  String entity(
      @PathVariable String namespace,
      @PathVariable String kind,
      @PathVariable String name,
      @RequestParam(required = false) String refreshed,
      Model model) {
    EntityRef ref = new EntityRef(kind, namespace, name);
    JsonNode entity =
        catalog
            .entity(ref)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        "There is no "
                            + kind
                            + " named "
                            + namespace
                            + "/"
                            + name
                            + " in the catalog.",
                        name));
    EntityDetails d = EntityDetails.of(entity);
    List<EntitySummary> owned = List.of();
    long ownedTotal = 0;
    if (d.relations().containsKey("ownerOf")) {
      EntityListing listing =
          catalog.entities(
              List.of("relations.ownedBy=" + ref),
              List.of(new EntitySort("metadata.name", true)),
              null,
              OWNED_PAGE,
              0);
      owned = KnownRefs.owners(catalog, listing.items().stream().map(EntitySummary::of).toList());
      ownedTotal = listing.totalItems();
    }
    DeliveryCard card = "component".equals(ref.kind()) ? delivery.forService(ref.toString()) : null;
    Set<String> referenced = new HashSet<>();
    d.relations().values().forEach(referenced::addAll);
    referenced.add(d.summary().owner());
    referenced.remove("");
    Set<String> missing = KnownRefs.missing(catalog, referenced);
    List<EntitySummary> defines = List.of();
    long definesTotal = 0;
    if ("location".equals(ref.kind())) {
      EntityListing emitted = catalog.emittedBy(ref, OWNED_PAGE);
      defines = KnownRefs.owners(catalog, emitted.items().stream().map(EntitySummary::of).toList());
      definesTotal = emitted.totalItems();
    }
    model.addAttribute(
        "entityPage",
        new EntityPage(
            d,
            RelationGraph.of(ref.toString(), d.relations(), missing),
            owned,
            ownedTotal,
            refreshed != null,
            card,
            problemsUnder(ref, entity),
            missing,
            defines,
            definesTotal));
    return "entity";
  }

  /**
   * For the Location entity of a registered location: the other entities under it with problems.
   */
  private List<LocationProblem> problemsUnder(EntityRef ref, JsonNode entity) {
    if (!"location".equalsIgnoreCase(ref.kind())) {
      return List.of();
    }
    JsonNode spec = entity.path("spec");
    return catalog
        .location(spec.path("type").asString(""), spec.path("target").asString(""))
        .map(location -> catalog.problemsUnder(location, PROBLEMS_UNDER))
        .orElse(List.of())
        .stream()
        // The location's own problems are already on the page as this entity's.
        .filter(p -> !p.entityRef().equalsIgnoreCase(ref.toString()))
        .toList();
  }

  @PostMapping("/catalog/{namespace}/{kind}/{name}/refresh")
  String refresh(
      @PathVariable String namespace, @PathVariable String kind, @PathVariable String name) {
    catalog.refresh(new EntityRef(kind, namespace, name));
    return "redirect:" + Paths.entity(kind, namespace, name) + "?refreshed";
  }
}
