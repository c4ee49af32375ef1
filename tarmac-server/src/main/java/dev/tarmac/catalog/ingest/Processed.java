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
 * @param children entities it emits (locations only), or null when it emits none
 * @param errors problems found, each kept on the entity
 * @param sourceEtag fingerprint of the sources read
 */
public record Processed(
    ObjectNode entity,
    List<Relation> relations,
    List<EmittedEntity> children,
    List<ProcessingError> errors,
    String sourceEtag) {

  /** Whether processing failed (the last good version is kept). */
  public boolean failed() {
    return entity == null;
  }
}
