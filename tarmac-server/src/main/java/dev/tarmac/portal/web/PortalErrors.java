package dev.tarmac.portal.web;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.portal.view.EntitySummary;
import dev.tarmac.portal.view.NotFoundPage;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Turns a portal page's "not found" into a helpful 404 page: a search box and close names. */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  private final Catalog catalog;

  PortalErrors(Catalog catalog) {
    this.catalog = catalog;
  }

  @ExceptionHandler(PageNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(PageNotFound e, Model model) {
    List<EntitySummary> close =
        e.hint().isBlank()
            ? List.of()
            : catalog.search(closeTerm(e.hint()), null, 0, 5).hits().stream()
                .map(EntitySummary::of)
                .toList();
    model.addAttribute("notFound", new NotFoundPage(e.what(), e.hint(), close));
    return "notfound";
  }

  // The first word of the name (split on '-', '_', '.') finds its relatives: "shipment-trackr"
  // suggests every "shipment-…" entity.
  private static String closeTerm(String name) {
    String[] words = name.split("[-_.\\s]+");
    return words.length == 0 ? name : words[0];
  }
}
