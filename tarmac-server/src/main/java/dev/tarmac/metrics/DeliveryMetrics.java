package dev.tarmac.metrics;

import dev.tarmac.metrics.adopt.UnknownServices;
import dev.tarmac.metrics.git.CommitRangeResolver;
import dev.tarmac.metrics.store.DeliveryStore;
import dev.tarmac.metrics.store.Services;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.DeliveryFacts;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraCalculator;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.Profile;
import dev.tarmac.sdk.delivery.Profiles;
import dev.tarmac.sdk.delivery.Window;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery-metrics facade: stores events and computes DORA reports per service, team, org. */
@Service
public class DeliveryMetrics {

  /** Attempts of an intake transaction that deadlocks with a concurrent one. */
  private static final int RETRIES = 3;

  private final DeliveryStore store;
  private final Services services;
  private final MetricsSettings settings;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final CommitRangeResolver ranges;
  private final UnknownServices unknownServices;
  private final AtomicLong intakes = new AtomicLong();

  /** Creates the facade. */
  public DeliveryMetrics(
      DeliveryStore store,
      Services services,
      MetricsSettings settings,
      TransactionTemplate tx,
      CommitRangeResolver ranges,
      UnknownServices unknownServices) {
    this.ranges = ranges;
    this.store = store;
    this.services = services;
    this.settings = settings;
    this.tx = tx;
    this.unknownServices = unknownServices;
    this.readTx = new TransactionTemplate(tx.getTransactionManager());
    readTx.setReadOnly(true);
    readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
  }

  /** Stores checked events in one transaction; duplicates are acknowledged and ignored. */
  public IntakeResult accept(
      List<Deployment> deployments, List<Change> changes, List<Incident> incidents) {
    long generation = services.generation();
    Names names = new Names();
    List<Deployment> ds = new ArrayList<>();
    for (Deployment d : deployments) {
      ds.add(
          new Deployment(
              d.id(),
              names.canonical(d.service()),
              d.environment(),
              d.commitShas(),
              micros(d.startedAt()),
              micros(d.finishedAt()),
              d.status()));
    }
    List<Deployment> resolved = ranges.resolve(ds);
    List<Change> cs = new ArrayList<>();
    for (Change c : changes) {
      Change.PullRequest pr = c.pr();
      cs.add(
          new Change(
              c.sha(),
              names.canonical(c.service()),
              micros(c.authoredAt()),
              micros(c.committedAt()),
              pr == null
                  ? null
                  : new Change.PullRequest(pr.id(), micros(pr.openedAt()), micros(pr.mergedAt()))));
    }
    List<Incident> is = new ArrayList<>();
    for (Incident i : incidents) {
      is.add(
          new Incident(
              i.id(),
              names.canonical(i.service()),
              micros(i.openedAt()),
              micros(i.resolvedAt()),
              i.causedByDeployment()));
    }
    Instant now = Instant.now();
    int total = resolved.size() + cs.size() + is.size();
    DeliveryStore.Pending pending = null;
    Integer stored = null;
    for (int attempt = 1; stored == null; attempt++) {
      DeliveryStore.Pending p = new DeliveryStore.Pending();
      try {
        stored =
            tx.execute(
                s -> {
                  store.rememberUnknown(names.unknown, now);
                  return store.insertDeployments(resolved, names.known, now, p)
                      + store.insertChanges(cs, names.known, now, p)
                      + store.insertIncidents(is, names.known, now, p);
                });
        pending = p;
      } catch (PessimisticLockingFailureException e) {
        // A deadlock with a concurrent intake rolled everything back: store the batch again.
        if (attempt == RETRIES) {
          throw e;
        }
      }
    }
    // Completes what a concurrent intake could not see; its updates can be run again.
    for (int attempt = 1; ; attempt++) {
      try {
        store.settle(pending, tx);
        break;
      } catch (PessimisticLockingFailureException e) {
        if (attempt == RETRIES) {
          throw e;
        }
      }
    }
    if (!names.unknown.isEmpty() && services.generation() != generation) {
      // The catalog changed while these were stored: an adoption pass may have missed them.
      unknownServices.request();
    }
    if (stored > 0) {
      intakes.incrementAndGet();
    }
    return new IntakeResult(stored, total - stored, List.copyOf(names.unknown));
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
    // One read-only transaction: PostgreSQL streams the rows in chunks only inside one.
    DeliveryFacts facts = readTx.execute(s -> store.facts(scoped, window));
    return DoraCalculator.aggregate(scope, facts, window, profile);
  }

  /**
   * The dora-2023 reports of many teams over a window (null bounds: the default window), keyed by
   * team, each as {@link #report} gives it for {@code team:NAME}. When nothing at all happened in
   * the window, every team's facts are empty and none is read: a catalog of thousands of teams and
   * no events costs one read, not one per team.
   */
  public Map<String, DoraReport> teamReports(Collection<String> teams, Instant from, Instant to) {
    Profile profile = Profiles.standard();
    Window window = window(from, to);
    DeliveryFacts org = readTx.execute(s -> store.facts(null, window));
    boolean quiet = Arrays.stream(org.sizes()).allMatch(n -> n == 0);
    Map<String, DoraReport> reports = new LinkedHashMap<>();
    for (String team : teams) {
      DeliveryFacts facts =
          quiet
              ? new DeliveryFacts()
              : readTx.execute(s -> store.facts(services.ofTeam(team), window));
      reports.put(team, DoraCalculator.aggregate("team:" + team, facts, window, profile));
    }
    return reports;
  }

  /** How many intakes through this replica stored something: a change means new figures. */
  public long intakeCount() {
    return intakes.get();
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

  /** Stored times keep microseconds, as both databases do, so every reader sees the same. */
  private static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
  }

  /** The services of one intake, each resolved once. */
  private final class Names {
    final Set<String> known = new HashSet<>();
    final Set<String> unknown = new TreeSet<>();
    private final Map<String, Optional<String>> refs = new HashMap<>();

    String canonical(String service) {
      Optional<String> ref =
          refs.computeIfAbsent(service, s -> Optional.ofNullable(services.resolve(s)));
      if (ref.isEmpty()) {
        unknown.add(service);
        return service;
      }
      known.add(ref.get());
      return ref.get();
    }
  }
}
