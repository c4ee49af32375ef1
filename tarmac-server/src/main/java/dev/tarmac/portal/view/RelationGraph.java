package dev.tarmac.portal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private static final int COLUMNS_WIDTH = 900;
  private static final int MIN_HEIGHT = 440;
  private static final int MAX_ELLIPSE_HEIGHT = 520;

  /** Half the width and height of a related entity's box. */
  static final int NODE_HALF_W = 95;

  static final int NODE_HALF_H = 17;

  /** Half the width and height of the entity's own box. */
  static final int CENTRE_HALF_W = 105;

  static final int CENTRE_HALF_H = 20;

  /** The least space between two boxes. */
  static final int GAP = 10;

  private static final int ROW = 2 * NODE_HALF_H + 14;

  /**
   * One node, with the edge that joins it to the centre.
   *
   * @param x centre x
   * @param y centre y
   * @param label the short ref shown
   * @param kind the kind, for styling
   * @param relation the relation type written on the edge
   * @param path the node's page
   * @param edgeX where the edge from the entity meets this node
   * @param edgeY see edgeX
   * @param labelX where the relation is written: the middle of the edge's visible part
   * @param labelY see labelX
   * @param inCatalog false for an entity referred to but not in the catalog (drawn unlinked)
   */
  public record Node(
      int x,
      int y,
      String label,
      String kind,
      String relation,
      String path,
      int edgeX,
      int edgeY,
      int labelX,
      int labelY,
      boolean inCatalog) {}

  /** Whether the nodes stand in two columns, which want the page's whole width. */
  public boolean wide() {
    return width > WIDTH;
  }

  /** Lays out an entity's relations, all of whose targets are in the catalog. */
  public static RelationGraph of(String ref, Map<String, List<String>> relations) {
    return of(ref, relations, Set.of());
  }

  /** Lays out an entity's relations; those in {@code missing} are not in the catalog. */
  public static RelationGraph of(
      String ref, Map<String, List<String>> relations, Set<String> missing) {
    List<String[]> edges = new ArrayList<>();
    relations.forEach((type, targets) -> targets.forEach(t -> edges.add(new String[] {type, t})));
    int shown = Math.min(edges.size(), MAX_NODES);
    List<String[]> drawn = edges.subList(0, shown);
    int hidden = edges.size() - shown;
    // Above and below the entity while boxes and relation names keep apart (a few relations,
    // the usual case), else in two columns across the page, which any number fits.
    for (int height = MIN_HEIGHT; height <= MAX_ELLIPSE_HEIGHT; height += 40) {
      RelationGraph g =
          place(ref, drawn, hidden, missing, WIDTH, height, arcs(shown, height), false);
      if (g.clear()) {
        return g;
      }
    }
    int height = Math.max(2 * CENTRE_HALF_H + 2 * GAP, ((shown + 1) / 2) * ROW + 2 * GAP);
    return place(
        ref,
        drawn,
        hidden,
        missing,
        COLUMNS_WIDTH,
        height,
        columns(shown, COLUMNS_WIDTH, height),
        true);
  }

  /**
   * The graph with its nodes at the given centres, each relation named mid-edge; edges end at a
   * node's centre, or at the middle of its side facing the entity when {@code sides} (nodes in
   * columns, where a line to the centre would cross the boxes above or below).
   */
  private static RelationGraph place(
      String ref,
      List<String[]> edges,
      int hidden,
      Set<String> missing,
      int width,
      int height,
      List<int[]> at,
      boolean sides) {
    int cx = width / 2;
    int cy = height / 2;
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      String target = edges.get(i)[1];
      int x = at.get(i)[0];
      int y = at.get(i)[1];
      int ex = sides ? x + (x < cx ? NODE_HALF_W : -NODE_HALF_W) : x;
      // The visible part of the edge runs from the entity's box to the node's box.
      double from = boxExit(ex - cx, y - cy, CENTRE_HALF_W, CENTRE_HALF_H);
      double to = sides ? 1 : 1 - boxExit(x - cx, y - cy, NODE_HALF_W, NODE_HALF_H);
      double t = (from + to) / 2;
      nodes.add(
          new Node(
              x,
              y,
              shorten(Paths.label(target)),
              kind(target),
              edges.get(i)[0],
              Paths.ref(target),
              ex,
              y,
              (int) Math.round(cx + t * (ex - cx)),
              (int) Math.round(cy + t * (y - cy)) + 4,
              !missing.contains(target)));
    }
    Node centre =
        new Node(
            cx, cy, shorten(Paths.label(ref)), kind(ref), "", Paths.ref(ref), cx, cy, 0, 0, true);
    return new RelationGraph(width, height, centre, nodes, hidden);
  }

  /**
   * Whether no two boxes come closer than {@link #GAP} and no relation's name touches a box or
   * another name (names measured as {@link #labelHalfWidth} wide).
   */
  boolean clear() {
    List<int[]> boxes = new ArrayList<>();
    boxes.add(new int[] {centre.x(), centre.y(), CENTRE_HALF_W + GAP / 2, CENTRE_HALF_H + GAP / 2});
    for (Node n : nodes) {
      boxes.add(new int[] {n.x(), n.y(), NODE_HALF_W + GAP / 2, NODE_HALF_H + GAP / 2});
    }
    for (Node n : nodes) {
      boxes.add(new int[] {n.labelX(), n.labelY() - 4, labelHalfWidth(n.relation()), 7});
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        int[] a = boxes.get(i);
        int[] b = boxes.get(j);
        if (Math.abs(a[0] - b[0]) < a[2] + b[2] && Math.abs(a[1] - b[1]) < a[3] + b[3]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Half the width a relation's name takes in the graph's 11 px type, with a little room. */
  static int labelHalfWidth(String relation) {
    return (int) Math.ceil(relation.length() * 3.3) + 3;
  }

  /**
   * Node centres on an ellipse, half on an arc above the entity and half below it, away from the
   * sides, where an edge would be too short to name.
   */
  private static List<int[]> arcs(int n, int height) {
    double rx = WIDTH / 2.0 - NODE_HALF_W - 15;
    double ry = height / 2.0 - NODE_HALF_H - 28;
    int above = (n + 1) / 2;
    List<int[]> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean top = i < above;
      int k = top ? above : n - above;
      int j = top ? i : i - above;
      double degrees = k == 1 ? 90 : 25 + 130.0 * j / (k - 1);
      double angle = Math.toRadians(top ? -180 + degrees : degrees);
      at.add(
          new int[] {
            (int) Math.round(WIDTH / 2.0 + rx * Math.cos(angle)),
            (int) Math.round(height / 2.0 + ry * Math.sin(angle))
          });
    }
    return at;
  }

  /** Node centres in a left and a right column, top to bottom, the entity between them. */
  private static List<int[]> columns(int n, int width, int height) {
    int rows = (n + 1) / 2;
    int top = (height - rows * ROW) / 2 + ROW / 2;
    List<int[]> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int x = i % 2 == 0 ? NODE_HALF_W + GAP : width - NODE_HALF_W - GAP;
      at.add(new int[] {x, top + (i / 2) * ROW});
    }
    return at;
  }

  /** The fraction of the vector (dx, dy) from a box's centre at which it leaves the box. */
  private static double boxExit(int dx, int dy, int halfW, int halfH) {
    double tx = dx == 0 ? Double.MAX_VALUE : halfW / (double) Math.abs(dx);
    double ty = dy == 0 ? Double.MAX_VALUE : halfH / (double) Math.abs(dy);
    return Math.min(1, Math.min(tx, ty));
  }

  private static String kind(String ref) {
    int colon = ref.indexOf(':');
    return colon < 0 ? "" : ref.substring(0, colon);
  }

  private static String shorten(String s) {
    return s.length() > 28 ? s.substring(0, 27) + "…" : s;
  }
}
