package dev.tarmac.sdk.catalog;

/**
 * One reason an entity is invalid.
 *
 * @param field the offending field as a dot path, e.g. {@code metadata.name} or {@code spec.owner}
 * @param message why, for the person who can fix the file
 */
public record ValidationProblem(String field, String message) {}
