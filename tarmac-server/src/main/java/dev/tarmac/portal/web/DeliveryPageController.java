package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.portal.view.DeliveryPage;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.Paths;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * DORA dashboards: the organisation at {@code /delivery}, a team at {@code /delivery/teams/:name}.
 */
@Controller
class DeliveryPageController {

  private final DeliveryMetrics metrics;
  private final DeliveryCards cards;
  private final Catalog catalog;

  DeliveryPageController(DeliveryMetrics metrics, DeliveryCards cards, Catalog catalog) {
    this.metrics = metrics;
    this.cards = cards;
    this.catalog = catalog;
  }

  @GetMapping("/delivery")
  String organisation(Model model) {
    List<String> teams = metrics.teams().keySet().stream().sorted().toList();
    model.addAttribute(
        "delivery",
        new DeliveryPage(
            "Delivery across the organisation", cards.forOrganisation(), teams, List.of()));
    return "delivery";
  }

  @GetMapping("/delivery/teams/{name}")
  String team(@PathVariable String name, Model model) {
    Map<String, Set<String>> teams = metrics.teams();
    String key =
        teams.keySet().stream()
            .filter(t -> t.equalsIgnoreCase(name) || Paths.label(t).equalsIgnoreCase(name))
            .findFirst()
            .orElseThrow(
                () -> new PageNotFound("No team named " + name + " owns a component.", name));
    List<EntitySummary> services =
        teams.get(key).stream()
            .sorted()
            .map(ref -> catalog.entity(EntityRef.parse(ref)))
            .flatMap(Optional::stream)
            .map(EntitySummary::of)
            .toList();
    services = KnownRefs.owners(catalog, services);
    model.addAttribute(
        "delivery",
        new DeliveryPage(
            "Delivery of " + Paths.label(key), cards.forTeam(key), List.of(), services));
    return "delivery";
  }
}
