package dev.tarmac.catalog.query;

import java.util.List;

/** A filter over entities, as Backstage's query string and JSON filter forms express it. */
public sealed interface EntityPredicate {

  /** A key exists (no values) or has one of the values; compared case-insensitively. */
  record Key(String key, List<String> values) implements EntityPredicate {}

  /** All of the predicates hold. */
  record AllOf(List<EntityPredicate> all) implements EntityPredicate {}

  /** Any of the predicates holds. */
  record AnyOf(List<EntityPredicate> any) implements EntityPredicate {}

  /** The predicate does not hold. */
  record Not(EntityPredicate not) implements EntityPredicate {}
}
