package dev.tarmac.catalog.ingest;

/**
 * This replica's id in leases.
 *
 * @param value the id
 */
public record ReplicaId(String value) {}
