package dev.tarmac.sdk.delivery;

import com.google.common.primitives.ImmutableIntArray;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a DORA report is computed from, in primitive columns (times in epoch microseconds, the
 * precision both databases store): successful production deployments, lead-time samples and
 * incidents. A server fills it straight from narrow SQL reads; {@link DoraCalculator} turns event
 * records into it, so both paths share one computation.
 */
public final class DeliveryFacts {

  /** Stands for a missing time (an unresolved incident). */
  public static final long NONE = Long.MIN_VALUE;

  private final Map<String, Integer> services = new HashMap<>();
  private final List<String> deploymentIds = new ArrayList<>();
  private final ImmutableIntArray.Builder deploymentServices = ImmutableIntArray.builder();
  private final ImmutableLongArray.Builder finished = ImmutableLongArray.builder();
  private final ImmutableIntArray.Builder attributionOnly = ImmutableIntArray.builder();
  private final ImmutableLongArray.Builder deployed = ImmutableLongArray.builder();
  private final ImmutableLongArray.Builder leadSeconds = ImmutableLongArray.builder();
  private final ImmutableIntArray.Builder incidentServices = ImmutableIntArray.builder();
  private final ImmutableLongArray.Builder opened = ImmutableLongArray.builder();
  private final ImmutableLongArray.Builder resolved = ImmutableLongArray.builder();
  private final List<String> causes = new ArrayList<>();
  private boolean anyCause;

  /**
   * Adds a successful production deployment. Those finished outside the window only serve incident
   * attribution. Among deployments of one service finished at the same time, the one added last is
   * the latest.
   */
  public void deployment(String id, String service, long finishedMicros) {
    add(id, service, finishedMicros, 0);
  }

  /**
   * Adds a successful production deployment outside the report's scope (another service's) that an
   * incident names: an incident attributed to it does not count for the scope.
   */
  public void namedDeployment(String id, String service, long finishedMicros) {
    add(id, service, finishedMicros, 1);
  }

  private void add(String id, String service, long finishedMicros, int onlyNamed) {
    deploymentIds.add(id);
    deploymentServices.add(service(service));
    finished.add(finishedMicros);
    attributionOnly.add(onlyNamed);
  }

  /** Adds the lead time of one change: when its first deployment finished, and the seconds. */
  public void leadTime(long deployedMicros, long seconds) {
    deployed.add(deployedMicros);
    leadSeconds.add(seconds);
  }

  /**
   * Adds an incident.
   *
   * @param resolvedMicros {@link #NONE} while unresolved
   * @param causedByDeployment the id of the deployment it names, or null
   */
  public void incident(
      String service, long openedMicros, long resolvedMicros, String causedByDeployment) {
    incidentServices.add(service(service));
    opened.add(openedMicros);
    resolved.add(resolvedMicros);
    causes.add(causedByDeployment);
    anyCause |= causedByDeployment != null;
  }

  /** How many deployments, lead-time samples and incidents were added, in that order. */
  public int[] sizes() {
    return new int[] {deploymentIds.size(), deployed.build().length(), causes.size()};
  }

  /** Epoch microseconds of an instant (sub-microsecond digits dropped), NONE for null. */
  public static long micros(Instant t) {
    if (t == null) {
      return NONE;
    }
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private int service(String name) {
    return services.computeIfAbsent(name, k -> services.size());
  }

  /** The columns, frozen for computing. */
  Columns columns() {
    return new Columns(
        services.size(),
        deploymentIds,
        deploymentServices.build().toArray(),
        finished.build().toArray(),
        attributionOnly.build().toArray(),
        deployed.build().toArray(),
        leadSeconds.build().toArray(),
        incidentServices.build().toArray(),
        opened.build().toArray(),
        resolved.build().toArray(),
        anyCause ? new ArrayList<>(causes) : null);
  }

  /** The frozen columns; causes is null when no incident names a deployment. */
  record Columns(
      int services,
      List<String> deploymentIds,
      int[] deploymentServices,
      long[] finished,
      int[] onlyNamed,
      long[] deployed,
      long[] leadSeconds,
      int[] incidentServices,
      long[] opened,
      long[] resolved,
      List<String> causes) {}
}
