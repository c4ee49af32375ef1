-- The metrics read narrow columns: times as epoch microseconds (the precision both databases keep)
-- and each shipped commit's lead time in seconds, worked out at intake, through covering indexes.

ALTER TABLE delivery_deployments ADD COLUMN finished_us BIGINT;
UPDATE delivery_deployments SET finished_us = CAST(EXTRACT(EPOCH FROM finished_at) * 1000000 AS BIGINT);
ALTER TABLE delivery_deployments ALTER COLUMN finished_us SET NOT NULL;
DROP INDEX delivery_deployments_window;
DROP INDEX delivery_deployments_service;
CREATE INDEX delivery_deployments_window ON delivery_deployments (counts, finished_us, id, service);
CREATE INDEX delivery_deployments_service ON delivery_deployments (service, finished_us, counts, id);

-- A change's start: authored, else committed.
ALTER TABLE delivery_changes ADD COLUMN start_us BIGINT;
UPDATE delivery_changes
    SET start_us = CAST(EXTRACT(EPOCH FROM COALESCE(authored_at, committed_at)) * 1000000 AS BIGINT);

ALTER TABLE delivery_incidents ADD COLUMN opened_us BIGINT;
ALTER TABLE delivery_incidents ADD COLUMN resolved_us BIGINT;
UPDATE delivery_incidents SET opened_us = CAST(EXTRACT(EPOCH FROM opened_at) * 1000000 AS BIGINT),
    resolved_us = CAST(EXTRACT(EPOCH FROM resolved_at) * 1000000 AS BIGINT);
ALTER TABLE delivery_incidents ALTER COLUMN opened_us SET NOT NULL;
DROP INDEX delivery_incidents_opened;
DROP INDEX delivery_incidents_service;
CREATE INDEX delivery_incidents_window
    ON delivery_incidents (opened_us, service, resolved_us, caused_by_deployment);
CREATE INDEX delivery_incidents_service
    ON delivery_incidents (service, opened_us, resolved_us, caused_by_deployment);
-- The finish of the named deployment when it counts and finished after the incident opened: only
-- such an incident can open before a window and still belong to a deployment inside it.
ALTER TABLE delivery_incidents ADD COLUMN cause_finished_us BIGINT;
UPDATE delivery_incidents i SET cause_finished_us = (SELECT d.finished_us FROM delivery_deployments d
    WHERE d.id = i.caused_by_deployment AND d.counts = TRUE AND d.finished_us > i.opened_us)
    WHERE i.caused_by_deployment IS NOT NULL;
CREATE INDEX delivery_incidents_late_cause ON delivery_incidents (cause_finished_us);

-- lead_s: whole seconds from the change's start to the deployment's finish; null until the change
-- is known. Rows a concurrent intake left without a start get it here too.
ALTER TABLE delivery_shipped ADD COLUMN deployed_us BIGINT;
ALTER TABLE delivery_shipped ADD COLUMN lead_s BIGINT;
UPDATE delivery_shipped SET deployed_us = CAST(EXTRACT(EPOCH FROM deployed_at) * 1000000 AS BIGINT);
ALTER TABLE delivery_shipped ALTER COLUMN deployed_us SET NOT NULL;
UPDATE delivery_shipped s SET started_at = (SELECT COALESCE(c.authored_at, c.committed_at)
    FROM delivery_changes c WHERE c.service = s.service AND c.sha = s.sha);
UPDATE delivery_shipped s SET lead_s = (s.deployed_us - (SELECT c.start_us FROM delivery_changes c
    WHERE c.service = s.service AND c.sha = s.sha)) / 1000000;
DROP INDEX delivery_shipped_window;
DROP INDEX delivery_shipped_service;
CREATE INDEX delivery_shipped_window ON delivery_shipped (deployed_us, lead_s);
CREATE INDEX delivery_shipped_service ON delivery_shipped (service, deployed_us, lead_s);

-- Names events were stored under while the catalog did not know them; when one becomes a
-- component, its events are moved to the component's ref and the name is removed.
CREATE TABLE delivery_unknown_services (
    service    VARCHAR(512) PRIMARY KEY,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO delivery_unknown_services (service, last_seen)
    SELECT service, MAX(received_at) FROM (
        SELECT service, received_at FROM delivery_deployments WHERE known = FALSE
        UNION ALL SELECT service, received_at FROM delivery_changes WHERE known = FALSE
        UNION ALL SELECT service, received_at FROM delivery_incidents WHERE known = FALSE) u
    GROUP BY service;
