package dev.tarmac.catalog;

/**
 * A sort key for entity listings.
 *
 * @param field dot path into the entity, such as {@code metadata.name}
 * @param ascending direction
 */
public record EntitySort(String field, boolean ascending) {}
