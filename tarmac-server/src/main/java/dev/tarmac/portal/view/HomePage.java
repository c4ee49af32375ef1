package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.TemplateSummary;
import java.util.List;

/**
 * The home page.
 *
 * @param person the signed-in person, or null when their User entity is not in the catalog
 * @param teams the groups they belong to
 * @param owned what their teams own, first few
 * @param recent the most recently changed entities
 * @param templates golden paths to start from
 * @param userRef the configured person's ref, for the empty state
 */
public record HomePage(
    EntitySummary person,
    List<EntitySummary> teams,
    List<EntitySummary> owned,
    List<EntitySummary> recent,
    List<TemplateSummary> templates,
    String userRef) {}
