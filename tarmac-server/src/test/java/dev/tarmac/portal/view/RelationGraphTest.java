package dev.tarmac.portal.view;

import static dev.tarmac.portal.view.RelationGraph.CENTRE_HALF_H;
import static dev.tarmac.portal.view.RelationGraph.CENTRE_HALF_W;
import static dev.tarmac.portal.view.RelationGraph.GAP;
import static dev.tarmac.portal.view.RelationGraph.NODE_HALF_H;
import static dev.tarmac.portal.view.RelationGraph.NODE_HALF_W;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelationGraphTest {

  static final String[] TYPES = {"ownedBy", "dependsOn", "apiConsumedBy", "providesApi", "partOf"};

  static Map<String, List<String>> relations(int n) {
    Map<String, List<String>> r = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      r.computeIfAbsent(TYPES[i % TYPES.length], k -> new ArrayList<>())
          .add("component:default/related-service-number-" + i);
    }
    return r;
  }

  @Test
  void noBoxesOrRelationNamesOverlapAndEveryNameIsWrittenBetweenItsTwoBoxes() {
    for (int n = 0; n <= 20; n++) {
      RelationGraph g = RelationGraph.of("component:default/booking-service", relations(n));
      assertThat(g.nodes()).as("n=%d", n).hasSize(Math.min(n, 16));
      assertThat(g.hidden()).isEqualTo(n - g.nodes().size());
      assertThat(g.clear()).as("n=%d clear", n).isTrue();
      RelationGraph.Node c = g.centre();
      for (int i = 0; i < g.nodes().size(); i++) {
        RelationGraph.Node a = g.nodes().get(i);
        assertThat(a.x() - NODE_HALF_W).as("n=%d node %d inside", n, i).isGreaterThanOrEqualTo(0);
        assertThat(a.x() + NODE_HALF_W).isLessThanOrEqualTo(g.width());
        assertThat(a.y() - NODE_HALF_H).isGreaterThanOrEqualTo(0);
        assertThat(a.y() + NODE_HALF_H).isLessThanOrEqualTo(g.height());
        // The edge ends at the node's box and crosses no other node's box on its way.
        assertThat(Math.abs(a.edgeX() - a.x())).isLessThanOrEqualTo(NODE_HALF_W);
        assertThat(Math.abs(a.edgeY() - a.y())).isLessThanOrEqualTo(NODE_HALF_H);
        for (RelationGraph.Node b : g.nodes()) {
          for (int k = 0; b != a && k <= 100; k++) {
            double px = c.x() + (a.edgeX() - c.x()) * k / 100.0;
            double py = c.y() + (a.edgeY() - c.y()) * k / 100.0;
            assertThat(Math.abs(px - b.x()) < NODE_HALF_W && Math.abs(py - b.y()) < NODE_HALF_H)
                .as("n=%d: the edge to %s crosses %s", n, a.label(), b.label())
                .isFalse();
          }
        }
        // The name's middle lies outside both boxes, nearer the centre than the node is.
        int ly = a.labelY() - 4;
        assertThat(inside(a.labelX(), ly, c.x(), c.y(), CENTRE_HALF_W, CENTRE_HALF_H)).isFalse();
        assertThat(inside(a.labelX(), ly, a.x(), a.y(), NODE_HALF_W, NODE_HALF_H)).isFalse();
        assertThat(Math.hypot(a.labelX() - c.x(), ly - c.y()))
            .isLessThan(Math.hypot(a.x() - c.x(), a.y() - c.y()));
      }
    }
  }

  @Test
  void boxesTooCloseOrANameOverABoxAreSeen() {
    RelationGraph.Node c =
        new RelationGraph.Node(380, 220, "me", "component", "", "/", 380, 220, 0, 0, true);
    RelationGraph.Node a =
        new RelationGraph.Node(
            110, 60, "a", "component", "dependsOn", "/a", 110, 60, 240, 144, true);
    RelationGraph.Node near =
        new RelationGraph.Node(
            110,
            60 + 2 * NODE_HALF_H + GAP - 1,
            "b",
            "api",
            "ownedBy",
            "/b",
            110,
            100,
            240,
            180,
            true);
    RelationGraph.Node farther =
        new RelationGraph.Node(
            110, 60 + 2 * NODE_HALF_H + GAP, "b", "api", "ownedBy", "/b", 110, 100, 240, 180, true);
    assertThat(new RelationGraph(760, 440, c, List.of(a, farther), 0).clear()).isTrue();
    assertThat(new RelationGraph(760, 440, c, List.of(a, near), 0).clear()).isFalse();
    RelationGraph.Node namedOverTheCentre =
        new RelationGraph.Node(
            110,
            300,
            "b",
            "api",
            "apiConsumedBy",
            "/b",
            110,
            300,
            380 - CENTRE_HALF_W - 20,
            228,
            true);
    assertThat(new RelationGraph(760, 440, c, List.of(a, namedOverTheCentre), 0).clear()).isFalse();
  }

  @Test
  void aFewRelationsGoAroundTheEntityAndManyInTwoColumns() {
    RelationGraph few = RelationGraph.of("component:default/booking-service", relations(5));
    assertThat(few.width()).isEqualTo(760);
    assertThat(few.wide()).isFalse();
    assertThat(few.nodes().stream().map(RelationGraph.Node::x).distinct()).hasSizeGreaterThan(2);
    RelationGraph many = RelationGraph.of("component:default/booking-service", relations(16));
    assertThat(many.nodes().stream().map(RelationGraph.Node::x).distinct()).hasSize(2);
    assertThat(many.wide()).isTrue();
    assertThat(many.nodes().get(0).label()).isEqualTo("related-service-number-0");
    assertThat(many.nodes().get(0).relation()).isEqualTo("ownedBy");
  }

  static boolean inside(int x, int y, int bx, int by, int bw, int bh) {
    return Math.abs(x - bx) < bw && Math.abs(y - by) < bh;
  }
}
