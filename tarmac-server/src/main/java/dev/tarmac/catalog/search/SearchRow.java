package dev.tarmac.catalog.search;

/**
 * One flattened key/value of a final entity.
 *
 * @param key lower-cased dot path
 * @param value lower-cased value, or null when longer than 200 characters
 * @param originalValue the value as written, for facets, or null when too long
 */
public record SearchRow(String key, String value, String originalValue) {}
