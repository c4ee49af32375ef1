-- On H2 the relation indexes hold only the ref they are searched by. H2's store rewrites a whole
-- index page for each insert at a random place in the index, and relation targets and sources are
-- random: with (ref, type, other ref) keys these two indexes were a third of all the bytes H2 wrote
-- while a catalog was ingested. Stitching now reads type and other ref from the rows (in memory);
-- on PostgreSQL the covering indexes of V41 and V42 stay, for index-only scans.
DROP INDEX idx_relation_target;
CREATE INDEX idx_relation_target ON catalog_relation (target_entity_ref);
DROP INDEX idx_relation_source;
CREATE INDEX idx_relation_source ON catalog_relation (source_entity_ref);
