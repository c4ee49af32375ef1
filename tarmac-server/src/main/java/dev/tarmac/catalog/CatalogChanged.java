package dev.tarmac.catalog;

import java.util.Set;

/**
 * Entities were added to, changed in or removed from the catalog. Published in the transaction that
 * changed them, alongside their rows in the {@code catalog_change} outbox: listen with
 * {@code @TransactionalEventListener} to act once the change is visible. Only this replica sees the
 * event; other replicas follow the outbox.
 *
 * @param entityRefs the refs of the entities concerned
 */
public record CatalogChanged(Set<String> entityRefs) {

  /** Copies the refs. */
  public CatalogChanged {
    entityRefs = Set.copyOf(entityRefs);
  }
}
