package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.EntitySort;
import dev.tarmac.portal.PortalSettings;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.HomePage;
import dev.tarmac.scaffolder.Scaffolder;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

/** The home page: search, the person's teams and what they own, recent changes, golden paths. */
@Controller
class HomeController {

  private static final int OWNED = 12;
  private static final int RECENT = 8;
  private final Catalog catalog;
  private final Scaffolder scaffolder;
  private final PortalSettings settings;

  HomeController(Catalog catalog, Scaffolder scaffolder, PortalSettings settings) {
    this.catalog = catalog;
    this.scaffolder = scaffolder;
    this.settings = settings;
  }

  @GetMapping("/")
  String home(Model model) {
    JsonNode user = catalog.entity(EntityRef.parse(settings.user())).orElse(null);
    List<EntitySummary> teams = new ArrayList<>();
    List<String> ownerFilters = new ArrayList<>();
    if (user != null) {
      for (JsonNode r : user.path("relations")) {
        if (r.path("type").asString("").equals("memberOf")) {
          String ref = r.path("targetRef").asString("");
          catalog.entity(EntityRef.parse(ref)).map(EntitySummary::of).ifPresent(teams::add);
          ownerFilters.add("relations.ownedBy=" + ref);
        }
      }
      ownerFilters.add("relations.ownedBy=" + EntityRef.parse(settings.user()));
    }
    List<EntitySummary> owned =
        ownerFilters.isEmpty()
            ? List.of()
            : catalog
                .entities(
                    ownerFilters, List.of(new EntitySort("metadata.name", true)), null, OWNED, 0)
                .items()
                .stream()
                .map(EntitySummary::of)
                .toList();
    List<EntitySummary> recent =
        catalog.recentlyChanged(RECENT).stream().map(EntitySummary::of).toList();
    owned = KnownRefs.owners(catalog, owned);
    recent = KnownRefs.owners(catalog, recent);
    model.addAttribute(
        "home",
        new HomePage(
            user == null ? null : EntitySummary.of(user),
            teams,
            owned,
            recent,
            scaffolder.templates().stream().limit(6).toList(),
            settings.user()));
    return "home";
  }
}
