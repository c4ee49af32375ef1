package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet's colours, pair by pair as the pages use them, meet WCAG 2 AA: 4.5:1 for text, 3:1
 * for focus rings, borders and graph strokes. Every colour the stylesheet sets must appear in some
 * pair here, so a new colour cannot slip in unchecked.
 */
class PortalContrastTest {

  static final Path CSS = Path.of("src/main/resources/static/portal.css");
  static final double TEXT = 4.5;
  static final double GRAPHIC = 3.0;
  static final Set<String> COLOUR_PROPERTIES =
      Set.of(
          "color", "fill", "background", "background-color", "stroke", "outline", "outline-color");

  /**
   * Two colours used together: "selector property" of the foreground and of the background.
   *
   * @param fg the foreground declaration
   * @param bg the background declaration
   * @param min the ratio it must reach
   */
  record Pair(String fg, String bg, double min) {}

  static final List<Pair> PAIRS = new ArrayList<>();

  static void text(String fg, String... bgs) {
    for (String bg : bgs) {
      PAIRS.add(new Pair(fg, bg, TEXT));
    }
  }

  static void graphic(String fg, String... bgs) {
    for (String bg : bgs) {
      PAIRS.add(new Pair(fg, bg, GRAPHIC));
    }
  }

  static {
    String page = "body background";
    String card = ".card background";
    String code = "pre background";
    text("body color", page, card, ".problems background", ".notice background");
    text("a color", page, card, ".notice background", ".problems background");
    text(".skip:focus color", ".skip:focus background");
    text(".top color", ".top background");
    text(".top a color", ".top background");
    text(".quick input color", ".quick input background");
    text("::placeholder color", "input background", ".quick input background");
    text(".foot color", page);
    text(".muted color", page, card, code);
    text(".crumbs color", page);
    text(".empty color", card, page);
    text(".notice color", ".notice background");
    text(".problems h2 color", ".problems background");
    text(".error color", page, card, ".problems background");
    text(".help color", page, card);
    text(".pill color", ".pill background");
    text(".chip color", ".chip background");
    text("button color", "button background");
    text(".button color", ".button background");
    text("button.primary color", "button.primary background");
    text(".button.primary color", ".button.primary background");
    text("input color", "input background");
    text("select color", "select background");
    text("textarea color", "textarea background");
    text("th a color", card, page);
    text("td.desc color", card, page);
    text(".facts dt color", card);
    text("pre color", code);
    text("pre.code .line::before color", code);
    for (String kind : List.of("keyword", "string", "comment", "number", "name", "punctuation")) {
      text(".hl-" + kind + " color", code);
    }
    text(
        ".graph text fill",
        ".graph .node rect fill",
        ".graph a:hover rect fill",
        ".graph a:focus rect fill");
    // Relation names sit on their edge, over a halo of their own stroke.
    text(".graph text.edge fill", card, ".graph text.edge stroke");
    text(".graph .centre text fill", ".graph .centre rect fill");
    for (String m : List.of("get", "post", "delete", "put", "patch")) {
      text(".m-" + m + " color", card);
    }
    text(".trend color", card);
    text(
        "body color",
        ".band background",
        ".band-elite background",
        ".band-high background",
        ".band-medium background",
        ".band-low background",
        ".steps li background",
        ".status background",
        ".status-completed background",
        ".status-failed background",
        ".status-processing background");
    // Task steps are list items coloured by status, with the action name in muted text.
    text(
        ".muted color",
        ".status-completed background",
        ".status-failed background",
        ".status-processing background");
    text(".steps li[aria-current] color", ".steps li[aria-current] background");
    text(".hits p color", page);
    graphic(":focus-visible outline", page, card, code, ".notice background");
    graphic(".graph .node.missing rect stroke", ".graph .node rect fill");
    graphic(".top :focus-visible outline-color", ".top background");
    graphic(".skip:focus-visible outline-color", ".top background");
    graphic(".graph a:focus-visible rect stroke", card);
    graphic(".graph line stroke", card);
    graphic(".graph .node rect stroke", card);
    graphic(".graph .kind-group rect stroke", card);
    graphic(".graph .kind-user rect stroke", card);
    graphic(".graph .kind-api rect stroke", card);
    graphic(".graph .centre rect stroke", card);
    graphic("input border", page, card);
  }

  static StyleSheet css;

  @BeforeAll
  static void read() throws IOException {
    css = new StyleSheet(Files.readString(CSS));
  }

  static String colour(String declaration) {
    int space = declaration.lastIndexOf(' ');
    String selector = declaration.substring(0, space);
    String property = declaration.substring(space + 1);
    return css.colour(selector, property)
        .orElseThrow(() -> new AssertionError("portal.css sets no colour for " + declaration));
  }

  @Test
  void theFormulaIsWcags() {
    assertThat(StyleSheet.contrast("#000", "#fff")).isCloseTo(21.0, within(0.01));
    assertThat(StyleSheet.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    assertThat(StyleSheet.contrast("#0b57d0", "#fff"))
        .isEqualTo(StyleSheet.contrast("#fff", "#0b57d0"));
  }

  @Test
  void everyPairMeetsItsRatio() {
    List<String> failing = new ArrayList<>();
    for (Pair p : PAIRS) {
      double ratio = StyleSheet.contrast(colour(p.fg()), colour(p.bg()));
      if (ratio < p.min()) {
        failing.add(
            "%s (%s) on %s (%s): %.2f < %.1f"
                .formatted(p.fg(), colour(p.fg()), p.bg(), colour(p.bg()), ratio, p.min()));
      }
    }
    assertThat(failing).isEmpty();
  }

  @Test
  void everyColourTheStylesheetSetsIsInSomePair() {
    Set<String> paired = new HashSet<>();
    PAIRS.forEach(
        p -> {
          paired.add(p.fg());
          paired.add(p.bg());
        });
    List<String> unpaired =
        css.declarations().stream()
            .filter(d -> COLOUR_PROPERTIES.contains(d.property()))
            .filter(d -> css.colourIn(d.value()).isPresent())
            .map(d -> d.selector() + " " + d.property())
            .filter(d -> !paired.contains(d))
            .distinct()
            .toList();
    assertThat(unpaired).isEmpty();
  }

  @Test
  void focusIsVisibleAndNeverJustRemoved() {
    assertThat(css.colour(":focus-visible", "outline")).isPresent();
    List<String> removed =
        css.declarations().stream()
            .filter(d -> d.property().equals("outline") && d.value().matches("none|0"))
            .map(StyleSheet.Declaration::selector)
            .toList();
    // The graph draws its own focus ring on the node's rectangle instead.
    assertThat(removed).containsExactly(".graph a:focus-visible");
    assertThat(css.colour(".graph a:focus-visible rect", "stroke")).isPresent();
  }
}
