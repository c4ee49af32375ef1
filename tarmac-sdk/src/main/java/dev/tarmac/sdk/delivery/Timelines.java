package dev.tarmac.sdk.delivery;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Each service's successful production deployments in finishing order (equal finishing times in id
 * order), for finding the latest one finished at or before an instant.
 */
final class Timelines {

  private final long[] finished;
  private final int[] start;
  private final int[] order;

  Timelines(int services, int[] service, long[] finished, List<String> ids, int[] onlyNamed) {
    this.finished = finished;
    int n = finished.length;
    // A counting sort by service; then each service's run is put in order, unless it already is
    // (rows a server reads arrive in finishing order).
    // Deployments of other services that only incidents name are not on any timeline.
    start = new int[services + 1];
    for (int i = 0; i < n; i++) {
      if (onlyNamed[i] == 0) {
        start[service[i] + 1]++;
      }
    }
    for (int s = 0; s < services; s++) {
      start[s + 1] += start[s];
    }
    int[] next = Arrays.copyOf(start, services);
    order = new int[start[services]];
    for (int i = 0; i < n; i++) {
      if (onlyNamed[i] == 0) {
        order[next[service[i]]++] = i;
      }
    }
    Comparator<Integer> byTime =
        Comparator.<Integer>comparingLong(i -> finished[i]).thenComparing(ids::get);
    for (int s = 0; s < services; s++) {
      int from = start[s];
      if (!sorted(from, start[s + 1], byTime)) {
        Integer[] run = new Integer[start[s + 1] - from];
        Arrays.setAll(run, k -> order[from + k]);
        Arrays.sort(run, byTime);
        for (int k = 0; k < run.length; k++) {
          order[from + k] = run[k];
        }
      }
    }
  }

  private boolean sorted(int from, int to, Comparator<Integer> byTime) {
    for (int k = from + 1; k < to; k++) {
      if (byTime.compare(order[k - 1], order[k]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** The deployment of a service finished last at or before the instant, or -1. */
  int latestAtOrBefore(int service, long micros) {
    int lo = start[service];
    int hi = start[service + 1] - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (finished[order[mid]] <= micros) {
        found = order[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
