package dev.tarmac.catalog.store;

import dev.tarmac.sdk.catalog.Relation;
import java.time.Instant;
import java.util.List;

/**
 * What processing one entity produced, written back in one batch.
 *
 * @param entityRef canonical ref of the processed entity
 * @param processedJson the processed entity, or null to keep the last good one (on error)
 * @param resultHash hash over everything below; equal to the stored one means nothing changed
 * @param errorsJson processing errors as a JSON array, or null
 * @param sourceEtag fingerprint of what was read
 * @param relations relations originating at this entity (null when processing failed)
 * @param nextUpdateAt when to process it again
 */
public record ProcessedResult(
    String entityRef,
    String processedJson,
    String resultHash,
    String errorsJson,
    String sourceEtag,
    List<Relation> relations,
    Instant nextUpdateAt) {}
