package dev.tarmac.sdk.delivery;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Each service's successful production deployments in finishing order (ties in the order they were
 * added), for finding the latest one finished at or before an instant.
 */
final class Timelines {

  private final long[] finished;
  private final int[] start;
  private final int[] order;

  Timelines(int services, int[] service, long[] finished) {
    this.finished = finished;
    int n = finished.length;
    int[] byTime = byFinish(finished);
    // A stable counting sort by service keeps each service's deployments in finishing order.
    start = new int[services + 1];
    for (int s : service) {
      start[s + 1]++;
    }
    for (int s = 0; s < services; s++) {
      start[s + 1] += start[s];
    }
    int[] next = Arrays.copyOf(start, services);
    order = new int[n];
    for (int i : byTime) {
      order[next[service[i]]++] = i;
    }
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

  private static int[] byFinish(long[] finished) {
    int n = finished.length;
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = finished[i - 1] <= finished[i];
    }
    if (sorted) {
      // A server reads deployments already ordered by finish time.
      int[] identity = new int[n];
      Arrays.setAll(identity, i -> i);
      return identity;
    }
    Integer[] boxed = new Integer[n];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, Comparator.comparingLong(i -> finished[i]));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }
}
