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
