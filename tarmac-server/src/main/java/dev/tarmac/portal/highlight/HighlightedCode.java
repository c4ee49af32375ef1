package dev.tarmac.portal.highlight;

import java.util.List;

/**
 * Source text split into lines of escaped HTML, tokens wrapped in {@code <span class="hl-…">}.
 *
 * @param language the language it was highlighted as: yaml, json, graphql, proto or text
 * @param lines one entry per source line, safe to write into a page unescaped
 */
public record HighlightedCode(String language, List<String> lines) {

  /** The lines joined for a {@code <pre>}, each in a {@code <span class="line">} to number it. */
  public String html() {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append("<span class=\"line\">").append(line).append("</span>");
    }
    return out.toString();
  }
}
