package dev.tarmac.portal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entity page's relation graph, laid out for SVG: the entity in the middle and its direct
 * relations around it; each node links to its own page, where the graph goes one hop further.
 *
 * @param width drawing width
 * @param height drawing height
 * @param centre the entity itself
 * @param nodes related entities around it
 * @param hidden how many relations did not fit
 */
public record RelationGraph(int width, int height, Node centre, List<Node> nodes, int hidden) {

  private static final int MAX_NODES = 16;
  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;

  /**
   * One node, with the edge that joins it to the centre.
   *
   * @param x centre x
   * @param y centre y
   * @param label the short ref shown
   * @param kind the kind, for styling
   * @param relation the relation type written on the edge
   * @param path the node's page
   */
  public record Node(int x, int y, String label, String kind, String relation, String path) {}

  /** Lays out an entity's relations. */
  public static RelationGraph of(String ref, Map<String, List<String>> relations) {
    List<String[]> edges = new ArrayList<>();
    relations.forEach((type, targets) -> targets.forEach(t -> edges.add(new String[] {type, t})));
    int shown = Math.min(edges.size(), MAX_NODES);
    List<Node> nodes = new ArrayList<>();
    double rx = WIDTH / 2.0 - 110;
    double ry = HEIGHT / 2.0 - 45;
    for (int i = 0; i < shown; i++) {
      double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(shown, 1);
      String target = edges.get(i)[1];
      nodes.add(
          new Node(
              (int) Math.round(WIDTH / 2.0 + rx * Math.cos(angle)),
              (int) Math.round(HEIGHT / 2.0 + ry * Math.sin(angle)),
              shorten(Paths.label(target)),
              kind(target),
              edges.get(i)[0],
              Paths.ref(target)));
    }
    Node centre =
        new Node(WIDTH / 2, HEIGHT / 2, shorten(Paths.label(ref)), kind(ref), "", Paths.ref(ref));
    return new RelationGraph(WIDTH, HEIGHT, centre, nodes, edges.size() - shown);
  }

  private static String kind(String ref) {
    int colon = ref.indexOf(':');
    return colon < 0 ? "" : ref.substring(0, colon);
  }

  private static String shorten(String s) {
    return s.length() > 28 ? s.substring(0, 27) + "…" : s;
  }
}
