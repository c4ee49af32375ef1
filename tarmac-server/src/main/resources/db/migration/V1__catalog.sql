-- The software catalog: registered locations, the processing state of every entity, relations,
-- the stitched final entities and their flattened search rows. Runs on H2 (PostgreSQL mode) and
-- PostgreSQL. JSON documents are kept as TEXT: binding JSON is not portable (see ADR 0002).

CREATE TABLE catalog_location (
    id          VARCHAR(36)   PRIMARY KEY,
    type        VARCHAR(32)   NOT NULL,
    target      VARCHAR(2048) NOT NULL,
    location_key VARCHAR(2100) NOT NULL UNIQUE,
    origin      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE catalog_refresh_state (
    entity_ref        VARCHAR(512) PRIMARY KEY,
    entity_id         VARCHAR(36)  NOT NULL UNIQUE,
    unprocessed_json  TEXT         NOT NULL,
    unprocessed_hash  VARCHAR(64)  NOT NULL,
    processed_json    TEXT,
    result_hash       VARCHAR(64),
    errors_json       TEXT,
    location_key      VARCHAR(2100),
    origin_key        VARCHAR(2100),
    source_etag       VARCHAR(512),
    next_update_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner       VARCHAR(64),
    stitch_ticket     VARCHAR(80),
    stitch_requested  BOOLEAN      DEFAULT FALSE NOT NULL,
    stitch_claim_until TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_refresh_state_next ON catalog_refresh_state (next_update_at);
CREATE INDEX idx_refresh_state_origin ON catalog_refresh_state (origin_key);
CREATE INDEX idx_refresh_state_stitch ON catalog_refresh_state (stitch_requested);

-- Who emits whom: a registered location (source_key) or a parent entity (source_entity_ref).
CREATE TABLE catalog_refresh_ref (
    source_key         VARCHAR(2100),
    source_entity_ref  VARCHAR(512),
    target_entity_ref  VARCHAR(512) NOT NULL
);
CREATE INDEX idx_refresh_ref_source_key ON catalog_refresh_ref (source_key);
CREATE INDEX idx_refresh_ref_source ON catalog_refresh_ref (source_entity_ref);
CREATE INDEX idx_refresh_ref_target ON catalog_refresh_ref (target_entity_ref);

CREATE TABLE catalog_relation (
    originating_entity_ref VARCHAR(512) NOT NULL,
    source_entity_ref      VARCHAR(512) NOT NULL,
    type                   VARCHAR(64)  NOT NULL,
    target_entity_ref      VARCHAR(512) NOT NULL
);
CREATE INDEX idx_relation_origin ON catalog_relation (originating_entity_ref);
CREATE INDEX idx_relation_source ON catalog_relation (source_entity_ref);
CREATE INDEX idx_relation_target ON catalog_relation (target_entity_ref);

CREATE TABLE catalog_final_entity (
    entity_ref   VARCHAR(512) PRIMARY KEY,
    entity_id    VARCHAR(36)  NOT NULL UNIQUE,
    kind         VARCHAR(64)  NOT NULL,
    final_json   TEXT         NOT NULL,
    hash         VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_final_entity_updated ON catalog_final_entity (updated_at);

-- Flattened key/value rows of each final entity: lower-cased for filters, original for facets.
CREATE TABLE catalog_search (
    entity_ref      VARCHAR(512) NOT NULL,
    skey            VARCHAR(200) NOT NULL,
    svalue          VARCHAR(200),
    original_value  VARCHAR(200)
);
CREATE INDEX idx_search_key_value ON catalog_search (skey, svalue);
CREATE INDEX idx_search_entity ON catalog_search (entity_ref);
