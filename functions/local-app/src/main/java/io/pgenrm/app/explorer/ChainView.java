package io.pgenrm.app.explorer;

import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.SampleSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sample's chain as the item page shows it: the persona it judged with (traits and their evidence), the rubric
 * with its weights beside the per-criterion scores of every candidate (a heat-map table), the weighted totals, and
 * the judge's raw output.
 */
public record ChainView(String title, String personaUserId, String seed, boolean scored, String status, String error,
        PersonaView persona, List<String> candidates, List<CriterionRow> criteria, List<Cell> totals, String rawOutput,
        String cost) {

    public record PersonaView(String analysis, List<TraitView> traits, List<String> featureWeights) {
        static PersonaView of(Persona persona) {
            if (persona == null) {
                return null;
            }
            List<TraitView> traits = persona.traits().stream().map(t -> new TraitView(dimension(t.dimension()),
                    t.statement(), Numbers.fixed(t.strength(), 2), t.evidence())).toList();
            List<String> weights = persona.featureWeights().entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                    .map(e -> e.getKey().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                            + (e.getValue() >= 0 ? "+" : "") + Numbers.fixed(e.getValue(), 2))
                    .toList();
            return new PersonaView(persona.analysis(), traits, weights);
        }
    }

    public record TraitView(String dimension, String statement, String strength, List<String> evidence) {
    }

    /** One rubric criterion: its weight and one heat-map cell per candidate. */
    public record CriterionRow(String name, String description, String weight, List<Cell> cells) {
    }

    /** A score with its heat-map class; {@code best} marks the candidate this sample scored highest. */
    public record Cell(String score, String heat, boolean best) {
    }

    static ChainView of(EvaluationChain chain, int candidateCount) {
        String title = chain.source() == SampleSource.SELF ? "Own sample " + (chain.sampleIndex() + 1)
                : "Neighbour " + chain.personaUserId() + ", sample " + (chain.sampleIndex() + 1);
        List<CandidateScore> scores = chain.scores().stream()
                .sorted(Comparator.comparingInt(CandidateScore::candidate)).toList();
        int candidates = Math.max(candidateCount, scores.size());
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            labels.add(Numbers.candidate(c));
        }
        List<CriterionRow> rows = new ArrayList<>();
        List<Criterion> criteria = chain.rubric() == null ? List.of() : chain.rubric().criteria();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                Double score = score(scores, c, i);
                cells.add(score == null ? new Cell(Numbers.NONE, "h0", false)
                        : new Cell(Numbers.fixed(score, 1), Numbers.heat(score), false));
            }
            rows.add(new CriterionRow(criterion.name(), criterion.description(),
                    Numbers.fixed(criterion.weight(), 1) + "%", cells));
        }
        double best = scores.stream().mapToDouble(CandidateScore::total).max().orElse(Double.NaN);
        List<Cell> totals = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            int candidate = c;
            CandidateScore score = scores.stream().filter(s -> s.candidate() == candidate).findFirst().orElse(null);
            totals.add(score == null ? new Cell(Numbers.NONE, "h0", false)
                    : new Cell(Numbers.fixed(score.total(), 2), Numbers.heat(score.total()), score.total() == best));
        }
        String cost = chain.cost().calls() + " call" + (chain.cost().calls() == 1 ? "" : "s")
                + (chain.cost().cachedCalls() > 0 ? " + " + chain.cost().cachedCalls() + " from caches" : "")
                + (chain.cost().promptTokens() + chain.cost().completionTokens() > 0
                        ? ", " + chain.cost().promptTokens() + " tokens in / " + chain.cost().completionTokens() + " out"
                        : "");
        return new ChainView(title, chain.personaUserId(), Long.toString(chain.seed()), chain.scored(),
                status(chain.status()), chain.error(), PersonaView.of(chain.persona()), labels, rows, totals,
                chain.rawOutput() == null ? "" : chain.rawOutput(), cost);
    }

    private static Double score(List<CandidateScore> scores, int candidate, int criterion) {
        return scores.stream().filter(s -> s.candidate() == candidate && criterion < s.criterionScores().size())
                .findFirst().map(s -> s.criterionScores().get(criterion)).orElse(null);
    }

    private static String status(ChainStatus status) {
        return switch (status) {
            case OK -> "scored";
            case PARSE_FAILURE -> "parse failure";
            case CALL_FAILURE -> "call failure";
        };
    }

    private static String dimension(PersonaTrait.Dimension dimension) {
        return switch (dimension) {
            case STYLE -> "style";
            case CONTENT_AND_STRUCTURE -> "content and structure";
            case CORE_VALUES -> "core values";
        };
    }
}
