package dev.tarmac.sdk.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which deployment caused an incident: the one it names when that is a successful production
 * deployment, else the latest successful production deployment of its service finished at or before
 * it opened.
 */
public final class Attribution {

  private final Map<String, Deployment> byId = new HashMap<>();
  private final Map<String, List<Deployment>> byService = new HashMap<>();

  /** Indexes the deployments; those that do not count are ignored. */
  public Attribution(List<Deployment> deployments) {
    for (Deployment d : deployments) {
      if (d.counts() && d.finishedAt() != null) {
        byId.put(d.id(), d);
        byService.computeIfAbsent(d.service(), s -> new ArrayList<>()).add(d);
      }
    }
    byService.values().forEach(l -> l.sort(Comparator.comparing(Deployment::finishedAt)));
  }

  /** The deployment the incident is attributed to, or null. */
  public Deployment of(Incident incident) {
    if (incident.causedByDeployment() != null) {
      Deployment named = byId.get(incident.causedByDeployment());
      if (named != null) {
        return named;
      }
    }
    List<Deployment> list = byService.get(incident.service());
    if (list == null || incident.openedAt() == null) {
      return null;
    }
    int lo = 0;
    int hi = list.size() - 1;
    Deployment found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!list.get(mid).finishedAt().isAfter(incident.openedAt())) {
        found = list.get(mid);
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
