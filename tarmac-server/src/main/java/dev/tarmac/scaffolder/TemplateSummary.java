package dev.tarmac.scaffolder;

import java.util.List;

/**
 * A template for the gallery.
 *
 * @param ref template:namespace/name
 * @param title display title
 * @param description what it creates
 * @param type spec.type
 * @param owner spec.owner
 * @param tags metadata.tags
 */
public record TemplateSummary(
    String ref, String title, String description, String type, String owner, List<String> tags) {}
