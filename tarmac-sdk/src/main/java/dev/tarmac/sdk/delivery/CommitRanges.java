package dev.tarmac.sdk.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Works out the commits a deployment brought when a source names only its head: the range since the
 * previous successful deployment of the same service to the same environment.
 */
public final class CommitRanges {

  private CommitRanges() {}

  /**
   * For each successful deployment with an environment and a finish time, the id of the previous
   * successful one of the same service and environment (by finish time); failed deployments get
   * none and are nobody's predecessor, the first of each group gets none.
   */
  public static Map<String, String> previousSuccess(List<Deployment> deployments) {
    List<Deployment> ok = new ArrayList<>();
    for (Deployment d : deployments) {
      if (Deployment.SUCCESS.equalsIgnoreCase(d.status())
          && d.environment() != null
          && !d.environment().isBlank()
          && d.finishedAt() != null) {
        ok.add(d);
      }
    }
    ok.sort(Comparator.comparing(Deployment::finishedAt));
    Map<String, Deployment> last = new HashMap<>();
    Map<String, String> previous = new HashMap<>();
    for (Deployment d : ok) {
      String key = d.service() + "\u0000" + d.environment().toLowerCase();
      Deployment before = last.put(key, d);
      if (before != null) {
        previous.put(d.id(), before.id());
      }
    }
    return previous;
  }

  /**
   * Replaces each deployment that names only its head commit with the full range since the previous
   * successful deployment's head, read from the service's commit graph.
   */
  public static List<Deployment> resolve(
      List<Deployment> deployments, Function<String, CommitGraph> graphOfService) {
    Map<String, String> previous = previousSuccess(deployments);
    Map<String, Deployment> byId = new HashMap<>();
    deployments.forEach(d -> byId.put(d.id(), d));
    List<Deployment> out = new ArrayList<>();
    for (Deployment d : deployments) {
      CommitGraph graph = graphOfService.apply(d.service());
      if (d.commitShas().size() != 1 || graph == null) {
        out.add(d);
        continue;
      }
      Deployment before = byId.get(previous.get(d.id()));
      String previousHead =
          before == null || before.commitShas().isEmpty() ? null : before.commitShas().get(0);
      out.add(d.withCommits(graph.range(d.commitShas().get(0), previousHead)));
    }
    return out;
  }
}
