package dev.tarmac.catalog;

import java.util.List;

/**
 * An entity under a registered location whose last processing reported problems.
 *
 * @param entityRef the entity's ref
 * @param inCatalog whether a last good version is in the catalog (false: it never processed)
 * @param messages each problem as {@code name: message}
 */
public record LocationProblem(String entityRef, boolean inCatalog, List<String> messages) {}
