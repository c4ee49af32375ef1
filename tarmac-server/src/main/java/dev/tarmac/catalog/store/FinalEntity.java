package dev.tarmac.catalog.store;

/**
 * A stitched entity ready to be stored.
 *
 * @param entityRef canonical ref
 * @param entityId the uid
 * @param kind the entity kind as written
 * @param json the final entity JSON
 * @param hash content hash (the etag)
 */
public record FinalEntity(
    String entityRef, String entityId, String kind, String json, String hash) {}
