-- No query looks relations up by target (stitching reads them by source, processing replaces them
-- by originating entity), yet every relation row paid for this index on insert, delete and commit.
DROP INDEX idx_relation_target;
