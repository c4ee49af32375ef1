package dev.tarmac.metrics.store;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Catalog components as delivery services: a name or ref resolves to the component's ref, and a
 * team (the owner's name) to the refs it owns. The view is read from the catalog and read again
 * only when the catalog's version moved (a change through any replica) or it was forgotten ({@link
 * #forget}); a name it does not know is looked up in the catalog directly.
 */
@Component
public class Services {

  /** The annotations that locate a component's repository, the only ones this view keeps. */
  private static final Set<String> REPOSITORY_ANNOTATIONS =
      Set.of(
          "tarmac.dev/git-url",
          "github.com/project-slug",
          "gitlab.com/project-slug",
          "backstage.io/source-location");

  private final Catalog catalog;
  private final AtomicLong generation = new AtomicLong();
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  /** Creates the resolver. */
  public Services(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The component ref for a name or ref, or null when the catalog has no such component. */
  public String resolve(String service) {
    String ref = lookup(current(), service);
    if (ref == null && inCatalog(service)) {
      // Registered since the view was read (perhaps through another replica).
      forget();
      ref = lookup(current(), service);
    }
    return ref;
  }

  /** The component ref for a name or ref as this view knows it, without asking the catalog. */
  public String known(String service) {
    return lookup(current(), service);
  }

  private boolean inCatalog(String service) {
    try {
      return catalog.entity(EntityRef.parse(service, "component", "default")).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
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
    Set<String> refs = current().teams().get(teamName(team));
    return refs == null ? Set.of() : refs;
  }

  /** The repository-locating annotations of a component (empty when unknown or none). */
  public Map<String, String> annotations(String ref) {
    return current().annotations().getOrDefault(ref, Map.of());
  }

  /** Every team and the component refs it owns. */
  public Map<String, Set<String>> teams() {
    return current().teams();
  }

  /** Counts the times the view was forgotten: a change tells a caller to look again. */
  public long generation() {
    return generation.get();
  }

  /** Forgets the cached catalog view (after the catalog changed). */
  public void forget() {
    generation.incrementAndGet();
    snapshot = Snapshot.EMPTY;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long g = generation.get();
    long version = catalog.version();
    if (s.generation() == g && s.version() == version) {
      return s;
    }
    Map<String, String> refs = new HashMap<>();
    Map<String, Set<String>> teams = new HashMap<>();
    Map<String, Map<String, String>> annotations = new HashMap<>();
    // Streamed one entity at a time: a catalog of 50,000 components must not be held as trees.
    catalog.forEachEntity(
        List.of("kind=component"),
        e -> {
          String ref = EntityRef.of(e).toString();
          refs.put(ref, ref);
          refs.putIfAbsent(e.path("metadata").path("name").asString(), ref);
          Map<String, String> a = new HashMap<>();
          e.path("metadata")
              .path("annotations")
              .properties()
              .forEach(
                  p -> {
                    if (REPOSITORY_ANNOTATIONS.contains(p.getKey())) {
                      a.put(p.getKey(), p.getValue().asString());
                    }
                  });
          if (!a.isEmpty()) {
            annotations.put(ref, a);
          }
          String owner = e.path("spec").path("owner").asString("");
          if (!owner.isEmpty()) {
            teams.computeIfAbsent(teamName(owner), k -> new HashSet<>()).add(ref);
          }
        });
    // Read under generation g and version: if the catalog changed meanwhile (its version can only
    // have grown), the next call reads again.
    s = new Snapshot(refs, teams, annotations, version, g);
    snapshot = s;
    return s;
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
      long version,
      long generation) {

    static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), -1, -1);
  }
}
