-- PostgreSQL only: search keys and values are strongly correlated (kind=component is 50% of the
-- kind rows, not 50% of all rows), so tell the planner; its independence assumption otherwise
-- under-estimates filters a hundredfold and sorts every match instead of stopping at the page.
CREATE STATISTICS catalog_search_key_value (dependencies, mcv) ON skey, svalue FROM catalog_search;

-- Facets read the original value of every matching row: carry it in the index, so facet counts
-- are index-only scans too.
DROP INDEX idx_search_key_value;
CREATE INDEX idx_search_key_value ON catalog_search (skey, svalue, entity_ref) INCLUDE (original_value);
