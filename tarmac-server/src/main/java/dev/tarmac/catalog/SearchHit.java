package dev.tarmac.catalog;

import java.util.List;

/**
 * One entity found by full-text search.
 *
 * @param entityRef canonical ref
 * @param title title, else the name
 * @param text description
 * @param kind kind as written
 * @param namespace namespace
 * @param name name
 * @param type spec.type, or null
 * @param lifecycle spec.lifecycle, or null
 * @param owner spec.owner, or null
 * @param tags metadata.tags
 * @param rank position in the whole result, from 1
 */
public record SearchHit(
    String entityRef,
    String title,
    String text,
    String kind,
    String namespace,
    String name,
    String type,
    String lifecycle,
    String owner,
    List<String> tags,
    int rank) {}
