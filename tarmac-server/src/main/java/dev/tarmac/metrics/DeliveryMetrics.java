package dev.tarmac.metrics;

import dev.tarmac.metrics.git.CommitRangeResolver;
import dev.tarmac.metrics.store.DeliveryStore;
import dev.tarmac.metrics.store.Services;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraCalculator;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.LeadTimes;
import dev.tarmac.sdk.delivery.Profile;
import dev.tarmac.sdk.delivery.Profiles;
import dev.tarmac.sdk.delivery.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery-metrics facade: stores events and computes DORA reports per service, team, org. */
@Service
public class DeliveryMetrics {

  private final DeliveryStore store;
  private final Services services;
  private final MetricsSettings settings;
  private final TransactionTemplate tx;
  private final CommitRangeResolver ranges;

  /** Creates the facade. */
  public DeliveryMetrics(
      DeliveryStore store,
      Services services,
      MetricsSettings settings,
      TransactionTemplate tx,
      CommitRangeResolver ranges) {
    this.ranges = ranges;
    this.store = store;
    this.services = services;
    this.settings = settings;
    this.tx = tx;
  }

  /** Stores checked events in one transaction; duplicates are acknowledged and ignored. */
  public IntakeResult accept(
      List<Deployment> deployments, List<Change> changes, List<Incident> incidents) {
    Set<String> unknown = new TreeSet<>();
    Set<String> known = new HashSet<>();
    List<Deployment> ds = new ArrayList<>();
    for (Deployment d : deployments) {
      ds.add(
          new Deployment(
              d.id(),
              canonical(d.service(), known, unknown),
              d.environment(),
              d.commitShas(),
              d.startedAt(),
              d.finishedAt(),
              d.status()));
    }
    List<Deployment> resolved = ranges.resolve(ds);
    List<Change> cs = new ArrayList<>();
    for (Change c : changes) {
      cs.add(
          new Change(
              c.sha(),
              canonical(c.service(), known, unknown),
              c.authoredAt(),
              c.committedAt(),
              c.pr()));
    }
    List<Incident> is = new ArrayList<>();
    for (Incident i : incidents) {
      is.add(
          new Incident(
              i.id(),
              canonical(i.service(), known, unknown),
              i.openedAt(),
              i.resolvedAt(),
              i.causedByDeployment()));
    }
    Instant now = Instant.now();
    int total = resolved.size() + cs.size() + is.size();
    Integer stored =
        tx.execute(
            s ->
                store.insertDeployments(resolved, known, now)
                    + store.insertChanges(cs, known, now)
                    + store.insertIncidents(is, known, now));
    return new IntakeResult(stored, total - stored, List.copyOf(unknown));
  }

  /**
   * The DORA report for a scope ({@code service:NAME}, {@code team:NAME} or {@code org}) over a
   * window (null bounds: the default window) under a profile (null: dora-2023).
   */
  public DoraReport report(String scope, Instant from, Instant to, String profileName) {
    Profile profile =
        Profiles.named(profileName)
            .orElseThrow(
                () ->
                    DeliveryException.badInput(
                        "profile", "unknown profile; known: " + Profiles.names()));
    Window window = window(from, to);
    Set<String> scoped = services(scope);
    if (scoped != null && scoped.isEmpty()) {
      return DoraCalculator.aggregate(scope, List.of(), List.of(), List.of(), window, profile);
    }
    List<Deployment> deployments =
        new ArrayList<>(store.deployments(scoped, window.from(), window.to()));
    List<LeadTimes.Sample> lead = store.leadTimes(scoped, window.from(), window.to());
    List<Incident> incidents = store.incidents(scoped, window.from(), window.to());
    Set<String> windowIds = new HashSet<>();
    deployments.forEach(d -> windowIds.add(d.id()));
    Set<String> named = new HashSet<>();
    for (Incident i : incidents) {
      if (i.causedByDeployment() != null && !windowIds.contains(i.causedByDeployment())) {
        named.add(i.causedByDeployment());
      }
    }
    deployments.addAll(store.countingDeployments(named));
    return DoraCalculator.aggregate(scope, deployments, lead, incidents, window, profile);
  }

  /** Every team (catalog owner) and the component refs it owns. */
  public Map<String, Set<String>> teams() {
    return services.teams();
  }

  /** Stored events whose service is not a catalog component, newest first. */
  public List<UnknownServiceEvent> unknownServiceEvents(int limit) {
    return store.unknown(limit).stream()
        .map(r -> new UnknownServiceEvent(r[0], r[1], r[2], Instant.parse(r[3])))
        .toList();
  }

  private Window window(Instant from, Instant to) {
    if (from == null && to == null) {
      return Window.lastFullIsoWeeks(Instant.now(), settings.defaultWeeks());
    }
    if (from == null || to == null) {
      throw DeliveryException.badInput(
          from == null ? "from" : "to", "give both from and to, or neither");
    }
    if (!from.isBefore(to)) {
      throw DeliveryException.badInput("to", "must be after from");
    }
    return new Window(from, to);
  }

  private Set<String> services(String scope) {
    if (scope == null || scope.equals("org")) {
      return null;
    }
    if (scope.startsWith("service:")) {
      String name = scope.substring("service:".length());
      String ref = services.resolve(name);
      return Set.of(ref == null ? name : ref);
    }
    if (scope.startsWith("team:")) {
      return services.ofTeam(scope.substring("team:".length()));
    }
    throw DeliveryException.badInput("scope", "must be service:NAME, team:NAME or org");
  }

  private String canonical(String service, Set<String> known, Set<String> unknown) {
    String ref = services.resolve(service);
    if (ref == null) {
      unknown.add(service);
      return service;
    }
    known.add(ref);
    return ref;
  }
}
