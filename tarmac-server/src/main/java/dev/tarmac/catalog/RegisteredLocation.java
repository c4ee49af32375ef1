package dev.tarmac.catalog;

/**
 * A location registered with the catalog.
 *
 * @param id uuid
 * @param type file, url or git
 * @param target where it reads
 * @param entityRef the ref of the Location entity that stands for it
 */
public record RegisteredLocation(String id, String type, String target, String entityRef) {}
