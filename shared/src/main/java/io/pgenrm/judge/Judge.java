package io.pgenrm.judge;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;

/**
 * A personalized judge: the three steps of an evaluation chain. Implementations: the llm backend (an
 * OpenAI-compatible endpoint) and the local CPU backend. Steps throw {@link JudgeOutputException} for unusable
 * output and {@link InferenceCallException} when the endpoint fails.
 */
public interface Judge {
    /** Short backend name for reports, e.g. "local" or "llm/staged". */
    String name();

    /**
     * Whether {@link #inducePersona} depends on its seed. The local backend bootstraps the history per sample;
     * the llm backend induces one persona per user and history version, so callers may cache it.
     */
    boolean personaVariesBySeed();

    /** Whether a sample needs a separate {@link #generateRubric} call before {@link #scoreSample}. */
    boolean needsRubricStep();

    Judged<Persona> inducePersona(UserHistory history, long seed);

    Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed);

    Judged<ScoredSample> scoreSample(SampleRequest request);
}
