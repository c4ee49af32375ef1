package dev.tarmac.catalog.store;

import java.time.Instant;

/**
 * One entity's processing state as claimed for processing.
 *
 * @param entityRef canonical ref
 * @param entityId the entity's uid
 * @param unprocessedJson the entity as its parent emitted it
 * @param processedJson the last good processed entity, or null
 * @param resultHash hash of the last processing result
 * @param errorsJson errors of the last processing, or null
 * @param locationKey the location that owns this entity
 * @param sourceEtag what the entity's sources looked like at the last read (hash, ETag, commit)
 * @param claimedUntil the lease this replica holds on the row
 */
public record RefreshRow(
    String entityRef,
    String entityId,
    String unprocessedJson,
    String processedJson,
    String resultHash,
    String errorsJson,
    String locationKey,
    String sourceEtag,
    Instant claimedUntil) {}
