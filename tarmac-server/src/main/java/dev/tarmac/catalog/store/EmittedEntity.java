package dev.tarmac.catalog.store;

/**
 * An entity emitted by a parent (a location) during processing.
 *
 * @param entityRef canonical ref
 * @param unprocessedJson the entity as read, with its location annotations
 * @param unprocessedHash hash of the JSON, to skip unchanged children
 * @param locationKey where it was read from, {@code type:target}
 * @param originKey the registered location it descends from
 */
public record EmittedEntity(
    String entityRef,
    String unprocessedJson,
    String unprocessedHash,
    String locationKey,
    String originKey) {}
