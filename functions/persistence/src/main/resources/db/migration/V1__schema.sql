-- Payloads are JSON documents written by Jackson; kept as text so they round-trip byte for byte.
CREATE TABLE users (
    user_id          TEXT PRIMARY KEY,
    history_version  TEXT NOT NULL,
    pair_count       INTEGER NOT NULL,
    history_json     TEXT NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE personas (
    id               BIGSERIAL PRIMARY KEY,
    user_id          TEXT NOT NULL,
    history_version  TEXT NOT NULL,
    seed             BIGINT NOT NULL,
    persona_json     TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT personas_once_per_version UNIQUE (user_id, history_version, seed)
);

CREATE TABLE prototypes (
    prototype_id     INTEGER PRIMARY KEY,
    centroid_json    TEXT NOT NULL,
    member_count     INTEGER NOT NULL,
    built_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE prototype_memberships (
    user_id          TEXT PRIMARY KEY,
    prototype_id     INTEGER NOT NULL REFERENCES prototypes (prototype_id) ON DELETE CASCADE,
    embedding_json   TEXT NOT NULL
);

CREATE TABLE batch_runs (
    run_id           TEXT PRIMARY KEY,
    input            TEXT NOT NULL,
    backend          TEXT NOT NULL,
    scaling_json     TEXT NOT NULL,
    status           TEXT NOT NULL,
    report_json      TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);

CREATE TABLE batch_items (
    run_id           TEXT NOT NULL REFERENCES batch_runs (run_id) ON DELETE CASCADE,
    item_id          TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    status           TEXT NOT NULL,
    outcome_json     TEXT NOT NULL,
    result_json      TEXT,
    reason           TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, item_id)
);

CREATE INDEX batch_items_by_status ON batch_items (run_id, status);
