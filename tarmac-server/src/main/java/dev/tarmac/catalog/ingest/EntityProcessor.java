package dev.tarmac.catalog.ingest;

import dev.tarmac.sdk.catalog.EntityRelations;
import dev.tarmac.sdk.catalog.EntityValidator;
import dev.tarmac.sdk.catalog.PlaceholderStubs;
import dev.tarmac.sdk.catalog.Relation;
import dev.tarmac.sdk.catalog.ValidationProblem;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.NotFoundReadException;
import dev.tarmac.shared.ReadException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Processes one entity as Backstage does: validate, read a location's targets and emit what they
 * contain, substitute placeholders, derive relations. Pure: it reads sources but writes nothing.
 */
public final class EntityProcessor {

  private final EntityValidator validator;
  private final SourceReaders readers;
  private final Placeholders placeholders;
  private final CatalogRules rules;
  private final FileRoots roots;

  /** Creates a processor. */
  public EntityProcessor(
      EntityValidator validator, SourceReaders readers, CatalogRules rules, FileRoots roots) {
    this.validator = validator;
    this.readers = readers;
    this.placeholders = new Placeholders(readers);
    this.rules = rules;
    this.roots = roots;
  }

  /** Processes an unprocessed entity. */
  public Processed process(JsonNode unprocessed) {
    return process(unprocessed, null);
  }

  /**
   * Processes an unprocessed entity; a location whose sources still read as {@code knownSourceEtag}
   * (what its last processing recorded) is not parsed again and comes back with {@link
   * Processed#sourcesUnchanged()} set.
   */
  public Processed process(JsonNode unprocessed, String knownSourceEtag) {
    ObjectNode entity = (ObjectNode) unprocessed.deepCopy();
    List<ProcessingError> errors = new ArrayList<>();
    ObjectNode metadata = entity.path("metadata") instanceof ObjectNode m ? m : null;
    if (metadata != null && !metadata.has("namespace")) {
      metadata.put("namespace", "default");
    }
    // Placeholders first, as Backstage's pre-processing does: an API's definition is validated as
    // the text it points at.
    String locationKey = Annotations.get(entity, Annotations.LOCATION);
    // What local files may be read follows the registered location the entity descends from.
    FileScope scope = roots.forOrigin(Annotations.get(entity, Annotations.ORIGIN_LOCATION));
    boolean readsSources =
        entity.path("kind").asString("").equalsIgnoreCase("location")
            || !PlaceholderStubs.find(entity).isEmpty();
    if (locationKey != null) {
      errors.addAll(placeholders.resolve(entity, locationKey, scope));
      if (!errors.isEmpty()) {
        return new Processed(null, List.of(), null, errors, null, readsSources);
      }
    }
    for (ValidationProblem p : validator.validate(entity)) {
      errors.add(ProcessingError.error("InputError", describe(p)));
    }
    if (!errors.isEmpty()) {
      return new Processed(null, List.of(), null, errors, null, readsSources);
    }
    List<Relation> relations;
    try {
      relations = EntityRelations.derive(entity);
    } catch (IllegalArgumentException e) {
      errors.add(ProcessingError.error("InputError", e.getMessage()));
      return new Processed(null, List.of(), null, errors, null, readsSources);
    }
    Emission emission = null;
    StringBuilder etag = new StringBuilder();
    if (entity.path("kind").asString("").equalsIgnoreCase("location")) {
      List<SourceFile> files = readTargets(entity, locationKey, scope, errors, etag);
      String sourceEtag = etag.isEmpty() ? null : Hashes.sha256(etag.toString());
      if (knownSourceEtag != null && errors.isEmpty() && knownSourceEtag.equals(sourceEtag)) {
        return new Processed(entity, relations, null, errors, sourceEtag, readsSources, true);
      }
      emission =
          new Emission(
              files, Annotations.get(entity, Annotations.ORIGIN_LOCATION), scope, readers, rules);
    }
    return new Processed(
        entity,
        relations,
        emission,
        errors,
        etag.isEmpty() ? null : Hashes.sha256(etag.toString()),
        readsSources);
  }

  /**
   * Reads every target of a location; {@code etag} collects each file's key and fingerprint, and
   * the rules that decide what it may emit. Local files come back without their text.
   */
  private List<SourceFile> readTargets(
      ObjectNode location,
      String locationKey,
      FileScope scope,
      List<ProcessingError> errors,
      StringBuilder etag) {
    JsonNode spec = location.path("spec");
    String baseType =
        locationKey == null ? "file" : locationKey.substring(0, locationKey.indexOf(':'));
    String baseTarget =
        locationKey == null ? "" : locationKey.substring(locationKey.indexOf(':') + 1);
    String type = spec.path("type").isString() ? spec.get("type").asString() : baseType;
    boolean optional = spec.path("presence").asString("required").equals("optional");
    List<String> targets = new ArrayList<>();
    if (spec.path("target").isString()) {
      targets.add(spec.get("target").asString());
    }
    spec.path("targets").forEach(t -> targets.add(t.asString()));
    List<SourceFile> read = new ArrayList<>();
    for (String target : targets) {
      String readType = type.equals(baseType) ? readers.childType(baseType, target) : type;
      String resolved =
          type.equals(baseType) ? readers.resolve(baseType, baseTarget, target) : target;
      List<SourceFile> files;
      try {
        files = readers.read(readType, resolved, scope);
      } catch (NotFoundReadException e) {
        if (!optional) {
          errors.add(
              ProcessingError.error(
                  "NotFoundError",
                  "Unable to read " + readType + ":" + resolved + ": " + e.getMessage()));
        }
        continue;
      } catch (ReadException e) {
        errors.add(
            ProcessingError.error(
                Placeholders.errorName(e),
                "Unable to read " + readType + ":" + resolved + ": " + e.getMessage()));
        continue;
      }
      for (SourceFile file : files) {
        etag.append(file.key()).append('=').append(file.etag()).append('\n');
        // A local file's text is not kept: a large location would hold all of it at once while
        // deciding whether anything changed; it is read again if it is parsed.
        read.add(file.type().equals("file") ? file.withoutText() : file);
      }
    }
    if (!read.isEmpty()) {
      etag.append("rules=").append(rules.fingerprint()).append('\n');
    }
    return read;
  }

  private static String describe(ValidationProblem p) {
    String m = p.message();
    return m.startsWith("\"" + p.field() + "\"") || p.field() == null || p.field().isEmpty()
        ? m
        : p.field() + ": " + m;
  }
}
