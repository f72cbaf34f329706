package io.pgenrm.app.explorer;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.workflow.ScoreAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluation results as an llm-backend judge leaves them, for the explorer's tests: own and neighbours' chains
 * with personas (traits and evidence), weighted rubrics, per-criterion scores and raw output, aggregated by the real
 * {@link ScoreAggregator}. {@code lean} is how much the samples favour candidate 0 (negative: candidate 1).
 */
final class StoredChains {
    static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "How do I keep basil alive indoors?")),
            List.of("Give it a sunny window, water when the top soil is dry, and pinch off the flower buds.",
                    "## Light\n- Six hours of sun\n## Water\n- Keep the soil moist, never soggy\n"
                            + "## Harvest\n- Pinch the tops weekly\nWant a watering schedule?"));
    static final String RAW = "<analysis>The user keeps choosing short, plain answers.</analysis>\n"
            + "<criteria>Brevity (60): ...\nPracticality (40): ...</criteria>\n<scores>A: 8, 7 | B: 5, 8</scores>";

    private StoredChains() {
    }

    static EvaluationResult result(String userId, double lean, ScalingPlan scaling, int failedNeighbours) {
        List<EvaluationChain> chains = new ArrayList<>();
        for (int i = 0; i < scaling.ind(); i++) {
            chains.add(chain(SampleSource.SELF, userId, i, lean + 0.1 * i));
        }
        for (int i = 0; i < scaling.pro(); i++) {
            String neighbour = "neighbour-" + i;
            chains.add(i < failedNeighbours
                    ? new EvaluationChain(SampleSource.NEIGHBOUR, neighbour, i, 100 + i, null, null, List.of(),
                            ChainStatus.PARSE_FAILURE, "no scores in the judge's output", "I cannot decide.",
                            CallCost.oneCall(900, 40, 1200))
                    : chain(SampleSource.NEIGHBOUR, neighbour, i, lean / 2 - 0.2 * i));
        }
        return ScoreAggregator.aggregate(new AggregateScoresRequest(userId, SCENARIO.candidates().size(), scaling,
                chains, 3, List.of("neighbour-0", "neighbour-1")));
    }

    private static EvaluationChain chain(SampleSource source, String personaUser, int index, double lean) {
        Persona persona = new Persona(personaUser, "v1", 7 + index, "Prefers short, practical answers.", List.of(
                new PersonaTrait(PersonaTrait.Dimension.STYLE, "Short, plain answers", 0.8,
                        List.of("chose the 3-line recipe over the 12-line one", "rejected a reply with headings")),
                new PersonaTrait(PersonaTrait.Dimension.CORE_VALUES, "Wants to act today", 0.5,
                        List.of("asked for steps, not background"))), Map.of());
        Rubric rubric = new Rubric(List.of(new Criterion("Brevity", "says it in few words", 60),
                new Criterion("Practicality", "steps the user can take now", 40)));
        List<CandidateScore> scores = List.of(
                CandidateScore.weighted(0, rubric, List.of(clamp(6 + lean), clamp(7 + lean / 2))),
                CandidateScore.weighted(1, rubric, List.of(clamp(6 - lean), clamp(7 - lean / 2))));
        return new EvaluationChain(source, personaUser, index, 40 + index, persona, rubric, scores, ChainStatus.OK,
                null, RAW, CallCost.oneCall(1200, 350, 2100));
    }

    private static double clamp(double score) {
        return Math.max(1, Math.min(10, score));
    }
}
