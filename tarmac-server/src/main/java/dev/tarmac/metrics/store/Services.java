package dev.tarmac.metrics.store;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.sdk.catalog.EntityRef;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Catalog components as delivery services: a name or ref resolves to the component's ref, and a
 * team (the owner's name) to the refs it owns; re-read from the catalog at most every 30 s.
 */
@Component
public class Services {

  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration MISS_TTL = Duration.ofSeconds(1);

  private final Catalog catalog;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Instant.EPOCH);

  /** Creates the resolver. */
  public Services(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The component ref for a name or ref, or null when the catalog has no such component. */
  public String resolve(String service) {
    String ref = lookup(current(), service);
    if (ref == null && snapshot.readAt().plus(MISS_TTL).isBefore(Instant.now())) {
      // A component registered since the last read should be known within a second.
      forget();
      ref = lookup(current(), service);
    }
    return ref;
  }

  private static String lookup(Snapshot s, String service) {
    String ref = s.refs().get(service);
    if (ref == null) {
      try {
        ref = s.refs().get(EntityRef.parse(service, "component", "default").toString());
      } catch (RuntimeException e) {
        return null;
      }
    }
    return ref;
  }

  /** The component refs a team owns (empty when none). */
  public Set<String> ofTeam(String team) {
    String name = teamName(team);
    Set<String> refs = current().teams().get(name);
    if (refs == null && snapshot.readAt().plus(MISS_TTL).isBefore(Instant.now())) {
      forget();
      refs = current().teams().get(name);
    }
    return refs == null ? Set.of() : refs;
  }

  /** The annotations of a component (empty when unknown). */
  public Map<String, String> annotations(String ref) {
    return current().annotations().getOrDefault(ref, Map.of());
  }

  /** Every team and the component refs it owns. */
  public Map<String, Set<String>> teams() {
    return current().teams();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s.readAt().plus(TTL).isAfter(Instant.now())) {
      return s;
    }
    Map<String, String> refs = new HashMap<>();
    Map<String, Set<String>> teams = new HashMap<>();
    Map<String, Map<String, String>> annotations = new HashMap<>();
    for (JsonNode e :
        catalog.entities(java.util.List.of("kind=component"), null, null, -1, 0).items()) {
      String ref = EntityRef.of(e).toString();
      refs.put(ref, ref);
      refs.putIfAbsent(e.path("metadata").path("name").asString(), ref);
      Map<String, String> a = new HashMap<>();
      e.path("metadata")
          .path("annotations")
          .properties()
          .forEach(p -> a.put(p.getKey(), p.getValue().asString()));
      annotations.put(ref, a);
      String owner = e.path("spec").path("owner").asString("");
      if (!owner.isEmpty()) {
        teams.computeIfAbsent(teamName(owner), k -> new HashSet<>()).add(ref);
      }
    }
    s = new Snapshot(refs, teams, annotations, Instant.now());
    snapshot = s;
    return s;
  }

  /** Forgets the cached catalog view (after the catalog changed). */
  public void forget() {
    snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Instant.EPOCH);
  }

  private static String teamName(String owner) {
    try {
      return EntityRef.parse(owner, "group", "default").name();
    } catch (RuntimeException e) {
      return owner;
    }
  }

  private record Snapshot(
      Map<String, String> refs,
      Map<String, Set<String>> teams,
      Map<String, Map<String, String>> annotations,
      Instant readAt) {}
}
