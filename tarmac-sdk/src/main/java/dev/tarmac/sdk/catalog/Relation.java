package dev.tarmac.sdk.catalog;

/**
 * A directed relation between two entities, e.g. {@code ownedBy}.
 *
 * @param type the relation type
 * @param source the entity the relation is stored on
 * @param target the entity it points at
 */
public record Relation(String type, EntityRef source, EntityRef target) {}
