package dev.tarmac.sdk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lead-time samples: each change ends at the first successful production deployment of it. */
public final class LeadTimes {

  /**
   * One change's lead time.
   *
   * @param sha the change
   * @param deploymentId the deployment that first shipped it
   * @param deployedAt when that deployment finished
   * @param seconds deployedAt minus the change's start
   */
  public record Sample(String sha, String deploymentId, Instant deployedAt, long seconds) {}

  private LeadTimes() {}

  /**
   * Carries the commits of failed or cancelled deployments into the next successful deployment of
   * the same service and environment.
   */
  public static List<Deployment> carryFailedCommits(List<Deployment> deployments) {
    List<Deployment> sorted = new ArrayList<>(deployments);
    sorted.removeIf(d -> d.finishedAt() == null);
    sorted.sort(Comparator.comparing(Deployment::finishedAt));
    Map<String, Set<String>> pending = new HashMap<>();
    List<Deployment> out = new ArrayList<>();
    for (Deployment d : sorted) {
      String key = d.service() + "\u0000" + String.valueOf(d.environment()).toLowerCase();
      if (Deployment.SUCCESS.equalsIgnoreCase(d.status())) {
        Set<String> carried = pending.remove(key);
        if (carried != null) {
          Set<String> all = new LinkedHashSet<>(d.commitShas());
          all.addAll(carried);
          d = d.withCommits(List.copyOf(all));
        }
      } else {
        pending.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(d.commitShas());
      }
      out.add(d);
    }
    return out;
  }

  /**
   * The lead time of every change first deployed inside the window; non-positive values are
   * dropped, and a redeploy of a shipped sha does not restart the clock.
   */
  public static List<Sample> of(List<Deployment> deployments, List<Change> changes, Window w) {
    Map<String, Deployment> first = new HashMap<>();
    for (Deployment d : carryFailedCommits(deployments)) {
      if (!d.counts()) {
        continue;
      }
      for (String sha : d.commitShas()) {
        first.merge(
            d.service() + "\u0000" + sha,
            d,
            (a, b) -> b.finishedAt().isBefore(a.finishedAt()) ? b : a);
      }
    }
    List<Sample> samples = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Change c : changes) {
      String key = c.service() + "\u0000" + c.sha();
      Deployment d = first.get(key);
      if (d == null || c.start() == null || !w.contains(d.finishedAt()) || !seen.add(key)) {
        continue;
      }
      long seconds = Duration.between(c.start(), d.finishedAt()).toSeconds();
      if (seconds > 0) {
        samples.add(new Sample(c.sha(), d.id(), d.finishedAt(), seconds));
      }
    }
    return samples;
  }
}
