package io.pgenrm.judge;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationLearner;
import java.util.List;
import java.util.Optional;

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

    /**
     * Whether each scored sample carries the preference analysis the judge wrote for it ({@link ScoredSample#analysis}),
     * which paper Pro-M clusters and matches on.
     */
    default boolean writesAnalysis() {
        return false;
    }

    Judged<Persona> inducePersona(UserHistory history, long seed);

    Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed);

    /**
     * Up to {@code count} rubrics for samples of one persona and scenario from a single request, where the backend
     * can ask its endpoint for several completions at once (OpenAI {@code n}). It may return fewer, or none (the
     * default); callers generate the missing ones sample by sample.
     */
    default Judged<List<Rubric>> generateRubrics(Persona persona, Scenario scenario, long seed, int count) {
        return new Judged<>(List.of(), CallCost.NONE, "");
    }

    Judged<ScoredSample> scoreSample(SampleRequest request);

    /**
     * Up to {@code count} scored samples of one prompt from a single request, where the judge writes its rubric in
     * the same generation and its endpoint can return several completions at once (OpenAI {@code n}): each element
     * is one sample with its raw output (and no cost of its own), the outer cost is the request's. It may return
     * fewer, or none (the default); callers score the missing samples one by one.
     */
    default Judged<List<Judged<ScoredSample>>> scoreSamples(SampleRequest request, int count) {
        return new Judged<>(List.of(), CallCost.NONE, "");
    }

    /**
     * The judge as a {@link PopulationLearner}, where its personas refine a population model (local). A method
     * rather than an {@code instanceof} check, so it also answers through a CDI client proxy.
     */
    default Optional<PopulationLearner> populationLearner() {
        return Optional.empty();
    }
}
