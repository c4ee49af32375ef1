-- Stitching reads relations by source, de-duplicated and sorted by (source, type, target): with type
-- and target in the index that read is one ordered range per source instead of a row lookup per
-- relation.
DROP INDEX idx_relation_source;
CREATE INDEX idx_relation_source ON catalog_relation (source_entity_ref, type, target_entity_ref);
