-- PostgreSQL only: search keys and values are strongly correlated (kind=component is 50% of the
-- kind rows, not 50% of all rows), so tell the planner; its independence assumption otherwise
-- under-estimates filters a hundredfold and sorts every match instead of stopping at the page.
CREATE STATISTICS catalog_search_key_value (dependencies, mcv) ON skey, svalue FROM catalog_search;
