package dev.tarmac.portal.view;

import java.util.List;

/**
 * The 404 page: what was not found and the closest names that do exist.
 *
 * @param message what was asked for and not found
 * @param query the name searched for suggestions
 * @param suggestions entities with similar names
 */
public record NotFoundPage(String message, String query, List<EntitySummary> suggestions) {}
