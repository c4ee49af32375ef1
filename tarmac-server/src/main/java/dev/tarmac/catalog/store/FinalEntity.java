package dev.tarmac.catalog.store;

import java.util.List;

/**
 * A stitched entity ready to be stored.
 *
 * @param entityRef canonical ref
 * @param entityId the uid
 * @param kind the entity kind as written
 * @param json the final entity JSON
 * @param hash content hash (the etag)
 * @param search flattened rows for filtering
 */
public record FinalEntity(
    String entityRef,
    String entityId,
    String kind,
    String json,
    String hash,
    List<SearchRow> search) {}
