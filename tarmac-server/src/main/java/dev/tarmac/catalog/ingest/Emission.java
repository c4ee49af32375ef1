package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.sdk.catalog.EntityDocument;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.catalog.EntityYaml;
import dev.tarmac.sdk.catalog.EntityYamlException;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.Json;
import dev.tarmac.shared.ReadException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entities a location emits, parsed one file at a time when they are written, so a location
 * with a hundred thousand entities never holds them all in memory. Problems found while parsing
 * (YAML errors, kinds the rules forbid, entities defined twice) are collected for the location.
 */
public final class Emission {

  private final List<SourceFile> files;
  private final String origin;
  private final FileScope scope;
  private final SourceReaders readers;
  private final CatalogRules rules;
  private final List<ProcessingError> errors = new ArrayList<>();
  private boolean consumed;
  private boolean complete = true;
  private List<EmittedEntity> all;

  Emission(
      List<SourceFile> files,
      String origin,
      FileScope scope,
      SourceReaders readers,
      CatalogRules rules) {
    this.files = files;
    this.origin = origin;
    this.scope = scope;
    this.readers = readers;
    this.rules = rules;
  }

  /**
   * Parses the files in order and hands each emitted entity to {@code sink}; an entity defined
   * twice is handed over once (the first keeps it). May be called once.
   */
  public void forEach(Consumer<Child> sink) {
    if (consumed) {
      throw new IllegalStateException("A location's emission is read once");
    }
    consumed = true;
    Map<String, String> seen = new HashMap<>();
    for (SourceFile file : files) {
      if (file.text() == null) {
        try {
          file = readers.reread(file, scope);
        } catch (ReadException e) {
          complete = false;
          errors.add(
              ProcessingError.error(
                  Placeholders.errorName(e),
                  "Unable to read " + file.key() + ": " + e.getMessage()));
          continue;
        }
      }
      emit(file, seen, sink);
    }
  }

  /** Every emitted entity at once; for dry runs and tests, which read small locations. */
  public List<EmittedEntity> toList() {
    if (all == null) {
      List<EmittedEntity> out = new ArrayList<>();
      forEach(c -> out.add(c.row()));
      all = out;
    }
    return all;
  }

  /** Whether every file was read and parsed; known once {@link #forEach} has returned. */
  public boolean complete() {
    return complete;
  }

  /** Problems found while parsing; complete once {@link #forEach} has returned. */
  public List<ProcessingError> errors() {
    return errors;
  }

  private void emit(SourceFile file, Map<String, String> seen, Consumer<Child> sink) {
    List<EntityDocument> docs;
    try {
      docs = EntityYaml.read(file.key(), file.text());
    } catch (EntityYamlException e) {
      complete = false;
      errors.add(ProcessingError.error("InputError", "YAML error in " + e.getMessage()));
      return;
    }
    for (EntityDocument doc : docs) {
      JsonNode node = doc.entity();
      String where = file.key() + " (document at line " + doc.line() + ")";
      if (!(node instanceof ObjectNode child)
          || !node.path("kind").isString()
          || !node.path("metadata").path("name").isString()) {
        errors.add(
            ProcessingError.error(
                "InputError",
                "Entity in " + where + " has no kind or metadata.name; it was not read"));
        continue;
      }
      EntityRef ref;
      try {
        ref = EntityRef.of(child);
      } catch (IllegalArgumentException e) {
        errors.add(
            ProcessingError.error("InputError", "Entity in " + where + ": " + e.getMessage()));
        continue;
      }
      String kind = child.get("kind").asString();
      if (!rules.allows(kind, origin)) {
        errors.add(
            ProcessingError.warning(
                "NotAllowedError",
                "Entity "
                    + ref
                    + " in "
                    + where
                    + " has kind "
                    + kind
                    + ", which this location may not emit; allow it in tarmac.catalog.rules"));
        continue;
      }
      String previous = seen.putIfAbsent(ref.toString(), file.key());
      if (previous != null) {
        errors.add(
            ProcessingError.error(
                "ConflictError",
                "Entity "
                    + ref
                    + " is defined twice: in "
                    + previous
                    + " and in "
                    + where
                    + "; the first one is kept"));
        continue;
      }
      Annotations.set(child, Annotations.LOCATION, file.key());
      Annotations.set(child, Annotations.ORIGIN_LOCATION, origin == null ? file.key() : origin);
      String json = Json.write(child);
      sink.accept(
          new Child(
              child,
              new EmittedEntity(
                  ref.toString(),
                  json,
                  Hashes.sha256(json),
                  file.key(),
                  origin == null ? file.key() : origin)));
    }
  }

  /**
   * One emitted entity.
   *
   * @param entity the entity as read, with its location annotations (not to be modified)
   * @param row its stored form
   */
  public record Child(ObjectNode entity, EmittedEntity row) {

    /** Whether it is a location, whose processing reads further files. */
    public boolean isLocation() {
      return entity.path("kind").asString("").equalsIgnoreCase("location");
    }
  }
}
