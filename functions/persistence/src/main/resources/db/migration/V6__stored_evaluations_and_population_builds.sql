-- Stored evaluations (EvaluationArchive), then population builds (PopulationBuildStore).
-- What an evaluation on Step Functions keeps out of its state (EvaluationArchive): its steps pass these keys only.
-- Histories by content version: written once, never changed, so a version named by an evaluation stays readable
-- while the population moves on.
CREATE TABLE histories (
    user_id          TEXT NOT NULL,
    history_version  TEXT NOT NULL,
    pair_count       INTEGER NOT NULL,
    history_json     TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, history_version)
);

-- One row per sample of an evaluation; evaluation_id is the Step Functions execution's id. The first chain stored for
-- a slot stays: a retried step cannot replace it.
CREATE TABLE evaluation_chains (
    evaluation_id    TEXT NOT NULL,
    slot             INTEGER NOT NULL,
    chain_json       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (evaluation_id, slot)
);

-- The aggregated result of an evaluation, chains included.
CREATE TABLE evaluations (
    evaluation_id    TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL,
    result_json      TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Old evaluations are deleted by age (docs/deployment.md, Known limits).
CREATE INDEX evaluation_chains_by_age ON evaluation_chains (created_at);
CREATE INDEX evaluations_by_age ON evaluations (created_at);

-- A population built in steps (build-population.asl.json, PopulationBuild): a build is opened over a run's users, filled
-- batch by batch by parallel steps, and served only when published, which replaces the population in use as a whole.
-- published_seq orders publications (the version processes compare); an unpublished build has none. Existing builds,
-- and the ones saved whole (ReactivePopulationStore.save), are published when inserted.
CREATE SEQUENCE population_publications;
ALTER TABLE population_builds ADD COLUMN published_seq BIGINT DEFAULT nextval('population_publications');
ALTER TABLE population_builds ADD COLUMN run_id TEXT;
ALTER TABLE population_builds ADD COLUMN prototypes_requested INTEGER NOT NULL DEFAULT 0;

-- The build's users in a fixed order (ordinal), so batch i names the same users to every step: the history each
-- persona was induced from, its embedding (a JSON array), why it failed, and the prototype it was placed in.
CREATE TABLE population_build_members (
    build_id         BIGINT NOT NULL REFERENCES population_builds (build_id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    user_id          TEXT NOT NULL,
    history_version  TEXT,
    embedding_json   TEXT,
    failure          TEXT,
    prototype_id     INTEGER,
    PRIMARY KEY (build_id, ordinal),
    UNIQUE (build_id, user_id)
);

CREATE TABLE population_build_prototypes (
    build_id         BIGINT NOT NULL REFERENCES population_builds (build_id) ON DELETE CASCADE,
    prototype_id     INTEGER NOT NULL,
    centroid_json    TEXT NOT NULL,
    PRIMARY KEY (build_id, prototype_id)
);

-- What each batch of persona induction did and cost; a retried batch replaces its row.
CREATE TABLE population_build_batches (
    build_id         BIGINT NOT NULL REFERENCES population_builds (build_id) ON DELETE CASCADE,
    batch            INTEGER NOT NULL,
    personas         INTEGER NOT NULL,
    failed           INTEGER NOT NULL,
    cost_json        TEXT NOT NULL,
    PRIMARY KEY (build_id, batch)
);

-- A batch reads its users' pairs by user.
CREATE INDEX history_pairs_by_user ON history_pairs (run_id, user_id);
