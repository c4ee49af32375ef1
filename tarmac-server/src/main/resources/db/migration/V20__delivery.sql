-- Delivery events for DORA metrics. Services are stored as catalog refs when known, else as sent.
CREATE TABLE delivery_deployments (
    id            VARCHAR(255) PRIMARY KEY,
    service       VARCHAR(512) NOT NULL,
    known         BOOLEAN NOT NULL,
    environment   VARCHAR(100) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    counts        BOOLEAN NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    commit_shas   TEXT NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Window queries: successful production deployments by finish time (org, or per service).
CREATE INDEX delivery_deployments_window ON delivery_deployments (counts, finished_at);
CREATE INDEX delivery_deployments_service ON delivery_deployments (service, finished_at);

CREATE TABLE delivery_changes (
    service       VARCHAR(512) NOT NULL,
    sha           VARCHAR(100) NOT NULL,
    known         BOOLEAN NOT NULL,
    authored_at   TIMESTAMP WITH TIME ZONE,
    committed_at  TIMESTAMP WITH TIME ZONE,
    pr_id         VARCHAR(255),
    pr_opened_at  TIMESTAMP WITH TIME ZONE,
    pr_merged_at  TIMESTAMP WITH TIME ZONE,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service, sha)
);

CREATE TABLE delivery_incidents (
    id                    VARCHAR(255) PRIMARY KEY,
    service               VARCHAR(512) NOT NULL,
    known                 BOOLEAN NOT NULL,
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at           TIMESTAMP WITH TIME ZONE,
    caused_by_deployment  VARCHAR(255),
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_incidents_opened ON delivery_incidents (opened_at);
CREATE INDEX delivery_incidents_service ON delivery_incidents (service, opened_at);
CREATE INDEX delivery_incidents_cause ON delivery_incidents (caused_by_deployment);

-- The first successful production deployment of each commit (lead time's end) and the change's
-- start (authored, else committed; null until the change arrives), kept at intake so the lead-time
-- query reads only this table's window rows, with no join.
CREATE TABLE delivery_shipped (
    service        VARCHAR(512) NOT NULL,
    sha            VARCHAR(100) NOT NULL,
    deployment_id  VARCHAR(255) NOT NULL,
    deployed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (service, sha)
);
CREATE INDEX delivery_shipped_window ON delivery_shipped (deployed_at);
CREATE INDEX delivery_shipped_service ON delivery_shipped (service, deployed_at);
