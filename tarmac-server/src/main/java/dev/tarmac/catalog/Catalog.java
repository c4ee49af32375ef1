package dev.tarmac.catalog;

import dev.tarmac.catalog.ingest.ProcessingLoop;
import dev.tarmac.catalog.ingest.Registrations;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The catalog's public facade: the only way other modules read and act on the catalog. */
@Service
public class Catalog {

  private final FinalEntities finals;
  private final RefreshStates states;
  private final RefreshQueue queue;
  private final RefreshRefs refs;
  private final Relations relations;
  private final Registrations registrations;
  private final ProcessingLoop loop;
  private final TransactionTemplate tx;

  /** Creates the facade. */
  public Catalog(
      FinalEntities finals,
      RefreshStates states,
      RefreshQueue queue,
      RefreshRefs refs,
      Relations relations,
      Registrations registrations,
      ProcessingLoop loop,
      TransactionTemplate tx) {
    this.finals = finals;
    this.states = states;
    this.queue = queue;
    this.refs = refs;
    this.relations = relations;
    this.registrations = registrations;
    this.loop = loop;
    this.tx = tx;
  }

  /** The final entity with this ref, if it is in the catalog. */
  public Optional<JsonNode> entity(EntityRef ref) {
    return finals.byRef(ref.toString()).map(Json::parse);
  }

  /** The final entity with this uid. */
  public Optional<JsonNode> entityByUid(String uid) {
    return finals.byUid(uid).map(Json::parse);
  }

  /** Number of entities per kind. */
  public Map<String, Long> countByKind() {
    return finals.countByKind();
  }

  /**
   * Removes an entity by uid. It comes back at its parent's next refresh if a location still emits
   * it; an orphan stays deleted.
   */
  public void deleteByUid(String uid) {
    String ref =
        finals
            .refByUid(uid)
            .orElseThrow(() -> CatalogException.notFound("No entity with uid " + uid));
    tx.executeWithoutResult(
        s -> {
          List<String> parents = refs.parentsOf(ref);
          Set<String> touched = new HashSet<>(relations.deleteOriginating(List.of(ref)));
          Set<String> children = refs.removeSource(null, ref);
          states.delete(List.of(ref));
          finals.delete(List.of(ref));
          states.forgetResults(parents);
          touched.remove(ref);
          touched.addAll(children);
          queue.requestStitch(touched);
        });
    loop.wakeUp();
  }

  /** Schedules an entity and the locations that emit it for processing now. */
  public void refresh(EntityRef ref) {
    List<String> chain = new ArrayList<>();
    String current = ref.toString();
    Set<String> seen = new HashSet<>();
    while (current != null && seen.add(current)) {
      chain.add(current);
      List<String> parents = refs.parentsOf(current);
      current = parents.isEmpty() ? null : parents.get(0);
    }
    if (states.unprocessed(ref.toString()) == null) {
      throw CatalogException.notFound("No entity named " + ref + " is known to the catalog");
    }
    states.forgetResults(chain);
    queue.dueNow(chain, Instant.now());
    loop.wakeUp();
  }

  /**
   * The entity and every entity that emits it, up to its registered location, as Backstage's
   * ancestry: each with the refs of its own parents.
   */
  public List<Ancestor> ancestry(EntityRef ref) {
    List<Ancestor> out = new ArrayList<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(ref.toString()));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String current = todo.poll();
      if (!seen.add(current)) {
        continue;
      }
      Optional<JsonNode> entity = finals.byRef(current).map(Json::parse);
      if (entity.isEmpty()) {
        continue;
      }
      List<String> parents = refs.parentsOf(current);
      out.add(new Ancestor(entity.get(), parents));
      todo.addAll(parents);
    }
    return out;
  }

  /**
   * One entity in an ancestry.
   *
   * @param entity the final entity
   * @param parentEntityRefs the entities that emit it
   */
  public record Ancestor(JsonNode entity, List<String> parentEntityRefs) {}

  /** The registration service (locations). */
  public Registrations registrations() {
    return registrations;
  }
}
