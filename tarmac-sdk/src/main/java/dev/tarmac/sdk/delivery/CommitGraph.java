package dev.tarmac.sdk.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A commit history: the parents of each commit, enough to work out a deployment's commit range. */
public interface CommitGraph {

  /** The parents of a commit; empty for a root or an unknown commit. */
  List<String> parents(String sha);

  /**
   * Git's {@code previous..head}: every commit reachable from head and not from previous, head
   * first in breadth-first order; all ancestors of head when previous is null.
   */
  default List<String> range(String head, String previous) {
    Set<String> excluded = previous == null ? Set.of() : reachable(previous);
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(head));
    while (!queue.isEmpty()) {
      String sha = queue.poll();
      if (excluded.contains(sha) || !seen.add(sha)) {
        continue;
      }
      out.add(sha);
      queue.addAll(parents(sha));
    }
    return out;
  }

  private Set<String> reachable(String from) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      String sha = queue.poll();
      if (seen.add(sha)) {
        queue.addAll(parents(sha));
      }
    }
    return seen;
  }
}
