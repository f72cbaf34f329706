-- The train rows of batch runs on AWS, one row per registerHistoryRow call. Keyed by the row's id within its run, so
-- a retried or repeated registration stores nothing twice; row_index keeps the file's order for the histories.
CREATE TABLE history_pairs (
    run_id           TEXT NOT NULL,
    pair_id          TEXT NOT NULL,
    row_index        INTEGER NOT NULL,
    user_id          TEXT NOT NULL,
    pair_json        TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, pair_id)
);

-- One row per saved population: functions in other processes compare the latest id with the one they hold and
-- reload when a batch has built a new population since.
CREATE TABLE population_builds (
    build_id         BIGSERIAL PRIMARY KEY,
    built_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
