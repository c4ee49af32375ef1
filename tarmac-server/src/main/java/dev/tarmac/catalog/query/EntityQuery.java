package dev.tarmac.catalog.query;

import java.util.List;

/**
 * One page (or all) of entities to read.
 *
 * @param filter which entities, or null for all
 * @param order sort keys, applied in turn; ties break by entity ref
 * @param fullTextTerm a substring that one of {@code fullTextFields} must contain, or null
 * @param fullTextFields the fields searched for the term
 * @param limit page size, or -1 for everything
 * @param offset entities to skip
 */
public record EntityQuery(
    EntityPredicate filter,
    List<Order> order,
    String fullTextTerm,
    List<String> fullTextFields,
    int limit,
    int offset) {

  /** A query for every entity matching a filter. */
  public static EntityQuery all(EntityPredicate filter) {
    return new EntityQuery(filter, List.of(), null, List.of(), -1, 0);
  }

  /**
   * A sort key.
   *
   * @param field dot path into the entity
   * @param ascending direction
   */
  public record Order(String field, boolean ascending) {}
}
