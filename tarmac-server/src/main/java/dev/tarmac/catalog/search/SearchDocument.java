package dev.tarmac.catalog.search;

import java.util.List;

/**
 * One catalog entity as the search index sees it, in the shape of Backstage's catalog collator.
 *
 * @param ref canonical entity ref
 * @param title the entity's title, else its name
 * @param text its description
 * @param location the portal path of the entity
 * @param kind kind as written
 * @param namespace namespace
 * @param name name
 * @param type spec.type, or null
 * @param lifecycle spec.lifecycle, or null
 * @param owner spec.owner, or null
 * @param tags metadata.tags
 */
public record SearchDocument(
    String ref,
    String title,
    String text,
    String location,
    String kind,
    String namespace,
    String name,
    String type,
    String lifecycle,
    String owner,
    List<String> tags) {}
