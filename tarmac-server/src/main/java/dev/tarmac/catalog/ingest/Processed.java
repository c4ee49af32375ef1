package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.sdk.catalog.Relation;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of processing one entity, before it is written.
 *
 * @param entity the processed entity, or null when processing failed
 * @param relations relations derived from it (empty when it failed)
 * @param emission entities it emits, parsed as they are written (locations only), or null when it
 *     emits none
 * @param errors problems found, each kept on the entity
 * @param sourceEtag fingerprint of the sources read
 * @param readsSources whether processing read anything besides the entity itself (a location's
 *     targets, a placeholder's file): only such entities can change without their parent emitting
 *     something new, so only they are refreshed on the processing interval
 * @param sourcesUnchanged whether a location's sources read exactly as last time, so its targets
 *     were not parsed again and {@code emission} is null
 */
public record Processed(
    ObjectNode entity,
    List<Relation> relations,
    Emission emission,
    List<ProcessingError> errors,
    String sourceEtag,
    boolean readsSources,
    boolean sourcesUnchanged) {

  /** An outcome whose sources were read and parsed (or that read none). */
  public Processed(
      ObjectNode entity,
      List<Relation> relations,
      Emission emission,
      List<ProcessingError> errors,
      String sourceEtag,
      boolean readsSources) {
    this(entity, relations, emission, errors, sourceEtag, readsSources, false);
  }

  /**
   * Every entity it emits, parsed at once (null when it emits none); for dry runs and tests. Its
   * parse errors join {@link Emission#errors()}.
   */
  public List<EmittedEntity> children() {
    return emission == null ? null : emission.toList();
  }

  /**
   * Its errors together with those found parsing what it emits; read after {@link #children()} or
   * the emission's {@code forEach}.
   */
  public List<ProcessingError> allErrors() {
    if (emission == null || emission.errors().isEmpty()) {
      return errors;
    }
    List<ProcessingError> all = new java.util.ArrayList<>(errors);
    all.addAll(emission.errors());
    return all;
  }

  /** The outcome of processing that threw: the last good version is kept, the error recorded. */
  public static Processed unexpected(RuntimeException e) {
    return new Processed(
        null,
        List.of(),
        null,
        List.of(ProcessingError.error("Error", "Unexpected processing failure: " + e)),
        null,
        true);
  }

  /** Whether processing failed (the last good version is kept). */
  public boolean failed() {
    return entity == null;
  }
}
