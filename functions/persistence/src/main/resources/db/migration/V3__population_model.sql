-- The local backend's population reward model, saved with the population whose personas were refined from it, so
-- another process serving that population scores with the same model. Null for the llm backend.
ALTER TABLE population_builds ADD COLUMN reward_model_json TEXT;
