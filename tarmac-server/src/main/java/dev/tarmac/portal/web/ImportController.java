package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.LocationAnalysis;
import dev.tarmac.catalog.RegisteredLocation;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.ImportPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Register an existing component at {@code /catalog-import}: analyse a location first (what it
 * would add, what is wrong), then confirm.
 */
@Controller
class ImportController {

  private final Catalog catalog;

  ImportController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/catalog-import")
  String form(Model model) {
    model.addAttribute("importPage", ImportPage.form("url", "", ""));
    return "import";
  }

  @PostMapping("/catalog-import/analyze")
  String analyze(
      @RequestParam(defaultValue = "url") String type,
      @RequestParam(defaultValue = "") String target,
      Model model) {
    ImportPage page;
    try {
      LocationAnalysis a = catalog.analyzeLocation(type, target.trim());
      page =
          new ImportPage(
              a.type(),
              a.target(),
              "",
              true,
              a.exists(),
              a.entities().stream()
                  .map(EntitySummary::of)
                  .filter(e -> !e.name().startsWith("generated-"))
                  .toList(),
              a.errors(),
              null);
    } catch (CatalogException e) {
      page = ImportPage.form(type, target, e.getMessage());
    }
    model.addAttribute("importPage", page);
    return "import";
  }

  @PostMapping("/catalog-import")
  String register(
      @RequestParam(defaultValue = "url") String type,
      @RequestParam(defaultValue = "") String target,
      Model model) {
    ImportPage page;
    try {
      RegisteredLocation r = catalog.registerLocation(type, target.trim());
      page = new ImportPage(r.type(), r.target(), "", true, true, List.of(), List.of(), r);
    } catch (CatalogException e) {
      page = ImportPage.form(type, target, e.getMessage());
    }
    model.addAttribute("importPage", page);
    return "import";
  }
}
