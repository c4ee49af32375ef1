-- PostgreSQL only (H2 has no partial indexes): index only the incidents that name a deployment,
-- and only those whose named deployment finished after they opened. Reads ask for a range of
-- cause_finished_us (implying NOT NULL) and intake for one caused_by_deployment, so neither index
-- needs the null rows, most of them. With the null rows indexed, the generic plan of intake's
-- "cause_finished_us IS NULL" update scanned every incident without a late cause per statement.
DROP INDEX delivery_incidents_late_cause;
CREATE INDEX delivery_incidents_late_cause ON delivery_incidents (cause_finished_us)
    WHERE cause_finished_us IS NOT NULL;
DROP INDEX delivery_incidents_cause;
CREATE INDEX delivery_incidents_cause ON delivery_incidents (caused_by_deployment)
    WHERE caused_by_deployment IS NOT NULL;
