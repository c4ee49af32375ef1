package dev.tarmac.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a CSS reader for the contrast test: rules (also inside {@code @media}), their
 * declarations, custom properties from {@code :root} and colours in hex notation.
 */
final class StyleSheet {

  private static final Pattern VAR = Pattern.compile("var\\((--[a-z0-9-]+)\\)");
  private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b");

  /**
   * One declaration.
   *
   * @param selector one selector of its rule
   * @param property the property
   * @param value the value as written
   */
  record Declaration(String selector, String property, String value) {}

  private final List<Declaration> declarations = new ArrayList<>();
  private final Map<String, String> variables = new LinkedHashMap<>();

  StyleSheet(String css) {
    read(css.replaceAll("(?s)/\\*.*?\\*/", ""));
    declarations.stream()
        .filter(d -> d.selector().equals(":root") && d.property().startsWith("--"))
        .forEach(d -> variables.put(d.property(), d.value()));
  }

  private void read(String css) {
    int i = 0;
    while (i < css.length()) {
      int open = css.indexOf('{', i);
      if (open < 0) {
        return;
      }
      String head = css.substring(i, open).trim();
      int close = matching(css, open);
      String body = css.substring(open + 1, close);
      if (head.startsWith("@")) {
        read(body);
      } else {
        for (String selector : head.split(",")) {
          for (String decl : body.split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0) {
              declarations.add(
                  new Declaration(
                      selector.trim().replaceAll("\\s+", " "),
                      decl.substring(0, colon).trim(),
                      decl.substring(colon + 1).trim()));
            }
          }
        }
      }
      i = close + 1;
    }
  }

  private static int matching(String css, int open) {
    int depth = 0;
    for (int i = open; i < css.length(); i++) {
      if (css.charAt(i) == '{') {
        depth++;
      } else if (css.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced braces in the stylesheet");
  }

  List<Declaration> declarations() {
    return declarations;
  }

  /** The colour a selector's property is set to (its last declaration), vars resolved. */
  Optional<String> colour(String selector, String property) {
    String value = null;
    for (Declaration d : declarations) {
      if (d.selector().equals(selector) && d.property().equals(property)) {
        value = d.value();
      }
    }
    return value == null ? Optional.empty() : colourIn(value);
  }

  /** The first colour in a value, custom properties resolved. */
  Optional<String> colourIn(String value) {
    String v = value;
    for (int depth = 0; depth < 5; depth++) {
      Matcher m = VAR.matcher(v);
      if (!m.find()) {
        break;
      }
      v = m.replaceAll(r -> Matcher.quoteReplacement(variables.getOrDefault(r.group(1), "")));
    }
    Matcher hex = HEX.matcher(v);
    return hex.find() ? Optional.of(hex.group()) : Optional.empty();
  }

  /** WCAG 2 contrast ratio of two hex colours, 1 to 21. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** WCAG 2 relative luminance of a hex colour. */
  static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
