package dev.tarmac.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The accessibility rules every portal page keeps, checked on its HTML: language, skip link, one h1
 * and no skipped heading levels, labelled controls, named images, SVGs and links, table header
 * scope, valid ARIA references and unique landmarks. Returns the problems found, in words.
 */
final class AccessibilityAudit {

  private static final Set<String> LABELABLE =
      Set.of("input", "select", "textarea", "button", "meter", "output", "progress");
  private static final Set<String> SCOPES = Set.of("col", "row", "colgroup", "rowgroup");
  private static final Set<String> SORTS = Set.of("ascending", "descending", "other");

  private final Document d;
  private final List<String> problems = new ArrayList<>();

  private AccessibilityAudit(Document d) {
    this.d = d;
  }

  static List<String> problems(Document d) {
    AccessibilityAudit a = new AccessibilityAudit(d);
    a.language();
    a.skipLink();
    a.headings();
    a.ids();
    a.controls();
    a.images();
    a.links();
    a.tables();
    a.landmarks();
    return a.problems;
  }

  private void problem(String what, Element e) {
    String html = e == null ? "" : e.outerHtml().replaceAll("\\s+", " ");
    problems.add(what + (e == null ? "" : ": " + html.substring(0, Math.min(html.length(), 160))));
  }

  private void language() {
    if (d.selectFirst("html[lang]") == null || d.selectFirst("html").attr("lang").isBlank()) {
      problem("<html> has no lang", null);
    }
    if (d.title().isBlank()) {
      problem("the page has no <title>", null);
    }
  }

  private void skipLink() {
    Element first = d.body().selectFirst("a[href], button, input, select, textarea");
    if (first == null || !first.attr("href").equals("#main") || first.text().isBlank()) {
      problem("the first focusable element is not a skip link to #main", first);
    }
    if (d.select("main#main").size() != 1) {
      problem("there is not exactly one <main id=main>", null);
    }
  }

  private void headings() {
    Elements h1 = d.select("h1");
    if (h1.size() != 1) {
      problem("the page has " + h1.size() + " h1 elements, not one", null);
    }
    int previous = 0;
    for (Element h : d.select("h1, h2, h3, h4, h5, h6")) {
      int level = h.tagName().charAt(1) - '0';
      if (level > previous + 1) {
        problem("heading h" + level + " follows h" + previous + " (a level skipped)", h);
      }
      if (h.text().isBlank()) {
        problem("empty heading", h);
      }
      previous = level;
    }
  }

  private void ids() {
    Map<String, Integer> seen = new HashMap<>();
    for (Element e : d.select("[id]")) {
      seen.merge(e.id(), 1, Integer::sum);
    }
    seen.forEach(
        (id, n) -> {
          if (n > 1) {
            problem("id '" + id + "' is used " + n + " times", null);
          }
        });
    for (String attr : List.of("aria-labelledby", "aria-describedby", "aria-controls")) {
      for (Element e : d.select("[" + attr + "]")) {
        for (String id : e.attr(attr).trim().split("\\s+")) {
          if (d.getElementById(id) == null) {
            problem(attr + " points at missing id '" + id + "'", e);
          }
        }
      }
    }
  }

  private void controls() {
    for (Element c : d.select("input:not([type=hidden]), select, textarea")) {
      if (!hasLabel(c)) {
        problem("form control without a label", c);
      }
    }
    for (Element b : d.select("button, input[type=submit]")) {
      if (b.text().isBlank() && b.attr("aria-label").isBlank() && b.attr("value").isBlank()) {
        problem("button without a name", b);
      }
    }
    for (Element l : d.select("label[for]")) {
      Element target = d.getElementById(l.attr("for"));
      if (target == null || !LABELABLE.contains(target.tagName())) {
        problem("label for='" + l.attr("for") + "' names no form control", l);
      }
    }
    for (Element f : d.select("fieldset")) {
      Element legend = f.selectFirst("> legend");
      if (legend == null || legend.text().isBlank()) {
        problem("fieldset without a legend", f);
      }
    }
  }

  private boolean hasLabel(Element c) {
    if (!c.attr("aria-label").isBlank() || !c.attr("aria-labelledby").isBlank()) {
      return true;
    }
    if (c.closest("label") != null && !c.closest("label").text().isBlank()) {
      return true;
    }
    Element label = c.id().isEmpty() ? null : d.selectFirst("label[for=" + c.id() + "]");
    return label != null && !label.text().isBlank();
  }

  private void images() {
    for (Element img : d.select("img:not([alt])")) {
      problem("image without alt", img);
    }
    for (Element svg : d.select("svg")) {
      if (svg.attr("aria-hidden").equals("true")) {
        continue;
      }
      Element title = svg.selectFirst("> title");
      boolean named =
          !svg.attr("aria-label").isBlank()
              || !svg.attr("aria-labelledby").isBlank()
              || (title != null && !title.text().isBlank());
      if (!named) {
        problem("svg without an accessible name", svg);
      }
      if (svg.attr("role").equals("img") && !svg.select("a").isEmpty()) {
        problem("svg role=img hides the links inside it", svg);
      }
      for (Element a : svg.select("a")) {
        if (a.attr("href").isBlank() || a.attr("tabindex").equals("-1")) {
          problem("link in an svg is not keyboard-focusable", a);
        }
      }
    }
  }

  private void links() {
    for (Element a : d.select("a[href]")) {
      if (a.text().isBlank() && a.attr("aria-label").isBlank() && a.select("img[alt]").isEmpty()) {
        problem("link without a name", a);
      }
    }
  }

  private void tables() {
    for (Element th : d.select("th")) {
      if (!SCOPES.contains(th.attr("scope"))) {
        problem("table header without scope", th);
      }
    }
    for (Element table : d.select("table")) {
      if (table.select("th").isEmpty()) {
        problem("table without headers", table);
      }
      Elements sorted = table.select("th[aria-sort]");
      if (sorted.size() > 1) {
        problem("more than one header carries aria-sort", table);
      }
      for (Element th : sorted) {
        if (!SORTS.contains(th.attr("aria-sort"))) {
          problem("aria-sort must be ascending, descending or other", th);
        }
      }
    }
  }

  private void landmarks() {
    for (String role : List.of("nav", "form[role=search]", "aside", "section[aria-label]")) {
      Set<String> names = new HashSet<>();
      Elements all = d.select(role);
      for (Element e : all) {
        String name = e.attr("aria-label");
        if (name.isBlank() && !e.attr("aria-labelledby").isBlank()) {
          Element by = d.getElementById(e.attr("aria-labelledby"));
          name = by == null ? "" : by.text();
        }
        if (all.size() > 1 && (name.isBlank() || !names.add(name))) {
          problem("landmarks of one kind need distinct names", e);
        }
      }
    }
    if (d.select("main").size() != 1) {
      problem("not exactly one <main>", null);
    }
  }
}
