-- For the chain explorer (pgenrm serve, /): the scenario each item was judged on (the conversation and the candidates
-- in the order the result's candidate indexes refer to; null for items recorded before this column or by Step
-- Functions), and the history length and reward margin of each outcome as columns, so a run's items are filtered
-- and paged in SQL instead of being loaded whole. The margin is the gap between the first two candidates' rewards
-- (a benchmark item has two); null when the item got no rewards.
ALTER TABLE batch_items ADD COLUMN scenario_json TEXT;
ALTER TABLE batch_items ADD COLUMN history_size INTEGER
    GENERATED ALWAYS AS ((outcome_json::jsonb ->> 'historySize')::integer) STORED;
ALTER TABLE batch_items ADD COLUMN margin DOUBLE PRECISION
    GENERATED ALWAYS AS (abs((outcome_json::jsonb -> 'rewards' ->> 0)::double precision
        - (outcome_json::jsonb -> 'rewards' ->> 1)::double precision)) STORED;
CREATE INDEX batch_items_by_user ON batch_items (run_id, user_id);
