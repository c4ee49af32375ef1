-- Filters, facets and sort keys are answered by each replica's Lucene index (ADR 0002, amended),
-- which follows the catalog_change outbox; the flattened key/value rows were three quarters of the
-- cost of writing an entity and are no longer read. Dropping the table drops its indexes and, on
-- PostgreSQL, its extended statistics.
DROP TABLE catalog_search;
