-- Sort keys are read per entity (entity_ref and skey both known): with skey in this index the lookup
-- is one B-tree probe, where the key-value index made H2 scan every row of that key per entity
-- (seconds for a sorted page of 10,000 entities). Deletes by entity_ref use it as before.
DROP INDEX idx_search_entity;
CREATE INDEX idx_search_entity ON catalog_search (entity_ref, skey);
