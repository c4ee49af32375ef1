package dev.tarmac.catalog;

import dev.tarmac.catalog.ingest.ProcessingLoop;
import dev.tarmac.catalog.ingest.Registrations;
import dev.tarmac.catalog.query.EntityPredicate;
import dev.tarmac.catalog.query.EntityQueries;
import dev.tarmac.catalog.query.EntityQuery;
import dev.tarmac.catalog.query.FilterParser;
import dev.tarmac.catalog.search.SearchDocument;
import dev.tarmac.catalog.search.SearchIndex;
import dev.tarmac.catalog.search.SearchIndexer;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
  private final EntityQueries queries;
  private final SearchIndex index;
  private final SearchIndexer indexer;

  /** Creates the facade. */
  public Catalog(
      FinalEntities finals,
      RefreshStates states,
      RefreshQueue queue,
      RefreshRefs refs,
      Relations relations,
      Registrations registrations,
      ProcessingLoop loop,
      TransactionTemplate tx,
      EntityQueries queries,
      SearchIndex index,
      SearchIndexer indexer) {
    this.finals = finals;
    this.states = states;
    this.queue = queue;
    this.refs = refs;
    this.relations = relations;
    this.registrations = registrations;
    this.loop = loop;
    this.tx = tx;
    this.queries = queries;
    this.index = index;
    this.indexer = indexer;
  }

  /**
   * A number that grows whenever the catalog changes, through this replica or another: a view
   * derived from the catalog is current while the number stays the same.
   */
  public long version() {
    return indexer.version();
  }

  /** The final entity with this ref, if it is in the catalog. */
  public Optional<JsonNode> entity(EntityRef ref) {
    return finals.byRef(ref.toString()).map(Json::parse);
  }

  /**
   * Which of these entity refs name entities in the catalog (final entities), as given; refs are
   * compared in canonical form, and one that does not parse is not in the catalog.
   */
  public Set<String> present(Collection<String> refs) {
    Map<String, List<String>> byCanonical = new HashMap<>();
    for (String r : refs) {
      try {
        byCanonical.computeIfAbsent(EntityRef.parse(r).toString(), k -> new ArrayList<>()).add(r);
      } catch (RuntimeException e) {
        // not a ref: not in the catalog
      }
    }
    Set<String> out = new HashSet<>();
    if (!byCanonical.isEmpty()) {
      finals.hashes(byCanonical.keySet()).keySet().forEach(c -> out.addAll(byCanonical.get(c)));
    }
    return out;
  }

  /**
   * What an entity (a Location) currently emits: at most {@code limit} of the emitted entities that
   * are in the catalog, in ref order, and how many it emits in all.
   */
  public EntityListing emittedBy(EntityRef parent, int limit) {
    List<String> emitted = new ArrayList<>(refs.emittedBy(parent.toString()));
    Collections.sort(emitted);
    List<String> first = emitted.subList(0, Math.min(limit, emitted.size()));
    Map<String, String> found = finals.byRefs(first);
    List<JsonNode> items = new ArrayList<>();
    for (String ref : first) {
      String json = found.get(ref);
      if (json != null) {
        items.add(Json.parse(json));
      }
    }
    return new EntityListing(items, emitted.size());
  }

  /** The final entity with this uid. */
  public Optional<JsonNode> entityByUid(String uid) {
    return finals.byUid(uid).map(Json::parse);
  }

  /** The most recently changed final entities, newest first. */
  public List<JsonNode> recentlyChanged(int limit) {
    return finals.recent(limit).stream().map(Json::parse).toList();
  }

  /** Number of entities per kind. */
  public Map<String, Long> countByKind() {
    return queries.countByKind();
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

  /** The registration service (locations); for the catalog's own web layer. */
  public Registrations registrations() {
    return registrations;
  }

  /**
   * A page of final entities matching Backstage-style filters ({@code kind=component,spec.type=
   * service}; several filters are alternatives), sorted, with the total count.
   */
  public EntityListing entities(
      List<String> filters, List<EntitySort> order, String fullText, int limit, int offset) {
    EntityPredicate predicate = FilterParser.parse(filters == null ? List.of() : filters);
    List<EntityQuery.Order> orders =
        order == null
            ? List.of()
            : order.stream().map(o -> new EntityQuery.Order(o.field(), o.ascending())).toList();
    List<String> textFields =
        fullText == null || fullText.isBlank()
            ? List.of()
            : List.of("metadata.name", "metadata.title", "kind", "spec.type", "spec.owner");
    EntityQuery q = new EntityQuery(predicate, orders, fullText, textFields, limit, offset);
    EntityQueries.Page page = queries.pageUtf8(q);
    List<JsonNode> items = page.items().stream().map(Json::parse).toList();
    return new EntityListing(items, page.total());
  }

  /**
   * Hands every final entity matching the filters to {@code sink}, one at a time in entity-ref
   * order, without holding them all in memory (for views over the whole catalog).
   */
  public void forEachEntity(List<String> filters, java.util.function.Consumer<JsonNode> sink) {
    EntityPredicate predicate = FilterParser.parse(filters == null ? List.of() : filters);
    queries.streamUtf8(EntityQuery.all(predicate), json -> sink.accept(Json.parse(json)));
  }

  /** Counts of each facet's values (such as {@code spec.type}) over entities matching filters. */
  public Map<String, List<FacetValue>> facets(List<String> facets, List<String> filters) {
    EntityPredicate predicate =
        filters == null || filters.isEmpty() ? null : FilterParser.parse(filters);
    Map<String, List<FacetValue>> out = new java.util.LinkedHashMap<>();
    queries
        .facets(facets, predicate)
        .forEach(
            (facet, counts) ->
                out.put(
                    facet,
                    counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList()));
    return out;
  }

  /**
   * Full-text search over entities, optionally narrowed by {@code kind}, {@code type}, {@code
   * owner}, {@code lifecycle}, {@code namespace} or {@code tags} values.
   */
  public SearchResults search(
      String term, Map<String, List<String>> filters, int offset, int limit) {
    SearchIndex.Page page = index.search(term, filters == null ? Map.of() : filters, offset, limit);
    List<SearchHit> hits =
        page.hits().stream()
            .map(
                h -> {
                  SearchDocument d = h.document();
                  return new SearchHit(
                      d.ref(),
                      d.title(),
                      d.text(),
                      d.kind(),
                      d.namespace(),
                      d.name(),
                      d.type(),
                      d.lifecycle(),
                      d.owner(),
                      d.tags(),
                      h.rank());
                })
            .toList();
    return new SearchResults(page.total(), hits);
  }

  /** Reads a location and reports what registering it would add, storing nothing. */
  public LocationAnalysis analyzeLocation(String type, String target) {
    Registrations.DryRun dry = registrations.dryRun(type, target);
    return new LocationAnalysis(
        dry.location().type(),
        dry.location().target(),
        dry.exists(),
        dry.entities(),
        dry.errors().stream().map(e -> e.message()).toList());
  }

  /**
   * Registers a location (its entities appear once processed); a location already registered is a
   * {@link CatalogException} with status 409.
   */
  public RegisteredLocation registerLocation(String type, String target) {
    LocationRow row = registrations.register(type, target, "api");
    return new RegisteredLocation(
        row.id(), row.type(), row.target(), Registrations.rootEntityRef(row));
  }

  /** Entities under a registered location whose last processing reported problems, first few. */
  public List<LocationProblem> problemsUnder(RegisteredLocation location, int limit) {
    List<LocationProblem> out = new ArrayList<>();
    for (String[] r : states.withErrors(location.type() + ":" + location.target(), limit)) {
      List<String> messages = new ArrayList<>();
      for (JsonNode error : Json.parse(r[2])) {
        messages.add(
            error.path("name").asString("Error") + ": " + error.path("message").asString(""));
      }
      out.add(new LocationProblem(r[0], "stale".equals(r[4]), messages));
    }
    return out;
  }

  /**
   * The location registered with this type and target, if any; none for a type and target that
   * could not be registered (a Location entity listing {@code targets}, an unknown type).
   */
  public Optional<RegisteredLocation> location(String type, String target) {
    Optional<LocationRow> found;
    try {
      found = registrations.find(type, target);
    } catch (CatalogException e) {
      if (!"InputError".equals(e.name())) {
        throw e;
      }
      return Optional.empty();
    }
    return found.map(
        row ->
            new RegisteredLocation(
                row.id(), row.type(), row.target(), Registrations.rootEntityRef(row)));
  }
}
