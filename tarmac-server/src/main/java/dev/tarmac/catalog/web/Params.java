package dev.tarmac.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Query parameters exactly as sent: Spring would split a comma in one value into several. */
final class Params {

  private Params() {}

  /** Every value of a repeatable parameter, in order; empty when absent. */
  static List<String> all(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : List.of(values);
  }
}
