package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.catalog.store.Locations;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers and unregisters locations: each becomes a generated Location entity that processing
 * reads; unregistering removes everything only that location emitted.
 */
@Component
public class Registrations {

  private static final int DRY_RUN_LIMIT = 20_000;
  private final Locations locations;
  private final RefreshStates states;
  private final RefreshQueue queue;
  private final RefreshRefs refs;
  private final Relations relations;
  private final FinalEntities finals;
  private final EntityProcessor processor;
  private final TransactionTemplate tx;
  private final ProcessingLoop loop;
  private final FileRoots roots;

  /** Creates the service. */
  public Registrations(
      Locations locations,
      RefreshStates states,
      RefreshQueue queue,
      RefreshRefs refs,
      Relations relations,
      FinalEntities finals,
      EntityProcessor processor,
      TransactionTemplate tx,
      ProcessingLoop loop,
      FileRoots roots) {
    this.locations = locations;
    this.states = states;
    this.queue = queue;
    this.refs = refs;
    this.relations = relations;
    this.finals = finals;
    this.processor = processor;
    this.tx = tx;
    this.loop = loop;
    this.roots = roots;
  }

  /** Normalises and checks a location's type and target. */
  public static LocationRow normalise(String type, String target, String origin) {
    if (type == null || type.isBlank()) {
      throw CatalogException.input("Location type is required (file, url or git)");
    }
    if (!List.of("file", "url", "git").contains(type)) {
      throw CatalogException.input("Unknown location type '" + type + "'; use file, url or git");
    }
    if (target == null || target.isBlank()) {
      throw CatalogException.input("Location target is required");
    }
    String t = target.trim();
    if (type.equals("file")) {
      t = Path.of(t).toAbsolutePath().normalize().toString();
    } else if (type.equals("url") && !SourceReaders.isAbsoluteUrl(t)) {
      throw CatalogException.input("A url location needs an http(s) URL, got '" + target + "'");
    }
    return new LocationRow(UUID.randomUUID().toString(), type, t, origin);
  }

  /**
   * Registers a location; a duplicate is a conflict. Only {@code config} locations (from the
   * settings) may name files outside {@code tarmac.reading.file-roots}.
   */
  public LocationRow register(String type, String target, String origin) {
    LocationRow row = normalise(type, target, origin);
    if (!origin.equals("config")) {
      roots.checkRegistration(row);
    }
    LocationRow stored =
        tx.execute(
            s -> {
              if (locations.byKey(row.key()).isPresent()) {
                throw CatalogException.conflict("Location " + row.key() + " already exists");
              }
              Instant now = Instant.now();
              locations.insert(row, now);
              EmittedEntity root = rootEntity(row);
              states.upsertRoot(root, now);
              refs.addRoot(sourceKey(row), root.entityRef());
              return row;
            });
    loop.wakeUp();
    return stored;
  }

  /** Whether a location with this type and target is registered. */
  public Optional<LocationRow> find(String type, String target) {
    return locations.byKey(normalise(type, target, "api").key());
  }

  /** Processes a location in memory and returns the entities it would add, storing nothing. */
  public DryRun dryRun(String type, String target) {
    LocationRow row = normalise(type, target, "api");
    roots.checkRegistration(row);
    EmittedEntity root = rootEntity(row);
    Map<String, JsonNode> entities = new LinkedHashMap<>();
    List<ProcessingError> errors = new ArrayList<>();
    Deque<EmittedEntity> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty() && entities.size() < DRY_RUN_LIMIT) {
      EmittedEntity next = queue.poll();
      if (entities.containsKey(next.entityRef())) {
        continue;
      }
      Processed p = processor.process(Json.parse(next.unprocessedJson()));
      if (p.children() != null) {
        queue.addAll(p.children());
      }
      p.allErrors()
          .forEach(
              e ->
                  errors.add(
                      new ProcessingError(
                          e.name(), next.entityRef() + ": " + e.message(), e.level())));
      if (!p.failed()) {
        entities.put(next.entityRef(), p.entity());
      }
    }
    return new DryRun(
        row, new ArrayList<>(entities.values()), errors, locations.byKey(row.key()).isPresent());
  }

  /** Points a registered location at a new type and target, keeping its id. */
  public LocationRow update(String id, String type, String target) {
    LocationRow old =
        locations
            .byId(id)
            .orElseThrow(() -> CatalogException.notFound("Found no location with ID " + id));
    LocationRow wanted = normalise(type, target, old.origin());
    LocationRow row = new LocationRow(id, wanted.type(), wanted.target(), old.origin());
    // Repointing is a run-time change even for a configured location.
    roots.checkRegistration(row);
    tx.executeWithoutResult(
        s -> {
          locations
              .byKey(row.key())
              .filter(other -> !other.id().equals(id))
              .ifPresent(
                  other -> {
                    throw CatalogException.conflict("Location " + row.key() + " already exists");
                  });
          prune(refs.removeSource(sourceKey(old), null));
          locations.update(row);
          EmittedEntity root = rootEntity(row);
          states.upsertRoot(root, Instant.now());
          refs.addRoot(sourceKey(row), root.entityRef());
        });
    loop.wakeUp();
    return row;
  }

  /** Unregisters a location and eagerly removes every entity only it emitted. */
  public void unregister(String id) {
    LocationRow row =
        locations
            .byId(id)
            .orElseThrow(() -> CatalogException.notFound("Found no location with ID " + id));
    tx.executeWithoutResult(
        s -> {
          Set<String> frontier = refs.removeSource(sourceKey(row), null);
          prune(frontier);
          locations.delete(id);
        });
    loop.wakeUp();
  }

  /** Deletes the given entities if nothing emits them any more, then their children in turn. */
  public void prune(Set<String> candidates) {
    Set<String> frontier = new HashSet<>(candidates);
    Set<String> touched = new HashSet<>();
    while (!frontier.isEmpty()) {
      Set<String> doomed = new HashSet<>(frontier);
      doomed.removeAll(refs.incomingCounts(frontier).keySet());
      Set<String> next = new HashSet<>();
      for (String ref : doomed) {
        next.addAll(refs.removeSource(null, ref));
      }
      touched.addAll(relations.deleteOriginating(doomed));
      states.delete(doomed);
      finals.delete(doomed);
      touched.removeAll(doomed);
      frontier = next;
    }
    queue.requestStitch(touched);
  }

  /** The generated Location entity Backstage creates for a registration. */
  static EmittedEntity rootEntity(LocationRow row) {
    ObjectNode e = Json.object();
    e.put("apiVersion", "backstage.io/v1alpha1");
    e.put("kind", "Location");
    ObjectNode metadata = e.putObject("metadata");
    metadata.put("name", "generated-" + Hashes.sha1(row.key()));
    metadata.put("namespace", "default");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put(Annotations.LOCATION, row.key());
    annotations.put(Annotations.ORIGIN_LOCATION, row.key());
    ObjectNode spec = e.putObject("spec");
    spec.put("type", row.type());
    spec.put("target", row.target());
    spec.put("presence", "required");
    String json = Json.write(e);
    return new EmittedEntity(
        EntityRef.of(e).toString(), json, Hashes.sha256(json), row.key(), row.key());
  }

  /** The ref of the generated Location entity that stands for a registration. */
  public static String rootEntityRef(LocationRow row) {
    return rootEntity(row).entityRef();
  }

  /** The refresh source key of a registered location. */
  public static String sourceKey(LocationRow row) {
    return "location:" + row.id();
  }

  /**
   * What a dry run found.
   *
   * @param location the location as it would be stored
   * @param entities the processed entities it would add
   * @param errors problems found, each prefixed with the entity ref
   * @param exists whether this location is already registered
   */
  public record DryRun(
      LocationRow location,
      List<JsonNode> entities,
      List<ProcessingError> errors,
      boolean exists) {}
}
