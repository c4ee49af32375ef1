-- Each relation pair (ownedBy/ownerOf, dependsOn/dependencyOf, ...) is stored once, as the entity
-- that declares it states it: the source is always the originating entity, and stitching derives the
-- reverse half from the target index (EntityRelations.reverseOf). Half the rows to insert, index and
-- commit, and deleting an entity's relations needs no index of its own.
DELETE FROM catalog_relation WHERE source_entity_ref <> originating_entity_ref;
DROP INDEX idx_relation_origin;
ALTER TABLE catalog_relation DROP COLUMN originating_entity_ref;
CREATE INDEX idx_relation_target ON catalog_relation (target_entity_ref, type, source_entity_ref);
