package dev.tarmac.catalog.store;

/**
 * What stitching one entity reads from its processing state.
 *
 * @param entityRef canonical ref
 * @param entityId the uid
 * @param processedJson last good processed entity, or null if it never processed
 * @param errorsJson errors of the last processing, or null
 */
public record StitchInput(
    String entityRef, String entityId, String processedJson, String errorsJson) {}
