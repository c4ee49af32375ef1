package dev.tarmac.catalog;

/**
 * One value of a facet and how many entities have it.
 *
 * @param value the value as written in the entities
 * @param count number of entities with that value
 */
public record FacetValue(String value, long count) {}
