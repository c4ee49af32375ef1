-- V21 rewrote every delivery row; fresh statistics let the planner see how many rows a window
-- holds (without them it assumes a few and picks index scans with a sort over all of them).
ANALYZE delivery_deployments;
ANALYZE delivery_changes;
ANALYZE delivery_incidents;
ANALYZE delivery_shipped;
