package io.pgenrm.local;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded CPU backend. Persona: Bradley-Terry weights over {@link StyleFeature}s fitted on the user's past
 * choices (seed 0 = the whole history, other seeds = a bootstrap resample, which is what makes Ind-N samples
 * differ). Rubric: the strongest weights as criteria. Scores: a calibrated 1-10 per criterion.
 */
public final class LocalJudge implements Judge {
    static final String NEUTRAL_CRITERION = "No preference signal yet: judged neutral";
    private static final int MAX_CRITERIA = 6;
    private static final double MIN_RELATIVE_WEIGHT = 0.05;
    private static final double CALIBRATION_SLOPE = 3.0;
    private static final Map<String, Signed> BY_CRITERION = criterionIndex();
    /** One step of the CPU engine: counted like an inference call, with no tokens. */
    private static final CallCost LOCAL_CALL = new CallCost(1, 0, 0, 0, 0);

    private final double ridge;

    public LocalJudge(double ridge) {
        this.ridge = ridge;
    }

    public LocalJudge() {
        this(1.0);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean personaVariesBySeed() {
        return true;
    }

    @Override
    public boolean needsRubricStep() {
        return true;
    }

    @Override
    public Judged<Persona> inducePersona(UserHistory history, long seed) {
        List<PreferencePair> pairs = seed == 0 ? history.pairs() : bootstrap(history.pairs(), seed);
        List<double[]> differences = new ArrayList<>(pairs.size());
        for (PreferencePair pair : pairs) {
            double[] chosen = StyleFeature.vector(pair.chosen());
            double[] rejected = StyleFeature.vector(pair.rejected());
            double[] diff = new double[chosen.length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = chosen[i] - rejected[i];
            }
            differences.add(diff);
        }
        double[] w = BradleyTerryFit.fit(differences, new double[StyleFeature.values().length], ridge);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (StyleFeature f : StyleFeature.values()) {
            weights.put(f.name(), w[f.ordinal()]);
        }
        List<PersonaTrait> traits = traits(w, pairs, differences);
        String analysis = analysis(pairs.size(), history.pairs().size(), traits);
        return new Judged<>(new Persona(history.userId(), history.version(), seed, analysis, traits, weights),
                LOCAL_CALL, "");
    }

    @Override
    public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
        List<Map.Entry<String, Double>> ranked = persona.featureWeights().entrySet().stream()
                // Ties broken by feature name: equal weights must give the same criterion order everywhere.
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        double strongest = ranked.isEmpty() ? 0 : Math.abs(ranked.get(0).getValue());
        List<Criterion> criteria = new ArrayList<>();
        if (strongest > 1e-6) {
            for (Map.Entry<String, Double> e : ranked) {
                double w = e.getValue();
                if (criteria.size() == MAX_CRITERIA || Math.abs(w) < MIN_RELATIVE_WEIGHT * strongest) {
                    break;
                }
                StyleFeature f = StyleFeature.valueOf(e.getKey());
                criteria.add(new Criterion(f.criterion(w), String.format("learned preference weight %.2f", w),
                        Math.abs(w)));
            }
        }
        if (criteria.isEmpty()) {
            criteria.add(new Criterion(NEUTRAL_CRITERION, "the user's history shows no usable preference", 1));
        }
        return new Judged<>(Rubric.normalized(criteria), LOCAL_CALL, "");
    }

    @Override
    public Judged<ScoredSample> scoreSample(SampleRequest request) {
        Rubric rubric = request.rubric() != null ? request.rubric()
                : generateRubric(request.persona(), request.scenario(), request.seed()).value();
        List<String> candidates = request.scenario().candidates();
        List<double[]> features = candidates.stream().map(StyleFeature::vector).toList();
        List<List<Double>> perCandidate = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            perCandidate.add(new ArrayList<>());
        }
        for (Criterion criterion : rubric.criteria()) {
            Signed signed = BY_CRITERION.get(criterion.name());
            double mean = signed == null ? 0
                    : features.stream().mapToDouble(v -> v[signed.feature().ordinal()]).average().orElse(0);
            for (int c = 0; c < candidates.size(); c++) {
                double score = 5.5;
                if (signed != null) {
                    double delta = features.get(c)[signed.feature().ordinal()] - mean;
                    score = 1 + 9 * BradleyTerryFit.sigmoid(CALIBRATION_SLOPE * signed.sign() * delta);
                }
                perCandidate.get(c).add(score);
            }
        }
        List<CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            scores.add(CandidateScore.weighted(c, rubric, perCandidate.get(c)));
        }
        return new Judged<>(new ScoredSample(rubric, scores), LOCAL_CALL, "");
    }

    private static List<PreferencePair> bootstrap(List<PreferencePair> pairs, long seed) {
        if (pairs.isEmpty()) {
            return pairs;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<PreferencePair> sample = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            sample.add(pairs.get(random.nextInt(pairs.size())));
        }
        return sample;
    }

    private static List<PersonaTrait> traits(double[] w, List<PreferencePair> pairs, List<double[]> differences) {
        List<PersonaTrait> traits = new ArrayList<>();
        for (StyleFeature f : StyleFeature.values()) {
            double weight = w[f.ordinal()];
            if (Math.abs(weight) < 0.1) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            int agreeing = 0;
            int informative = 0;
            for (int i = 0; i < pairs.size(); i++) {
                double delta = differences.get(i)[f.ordinal()];
                if (Math.abs(delta) < 1e-9) {
                    continue;
                }
                informative++;
                if (Math.signum(delta) == Math.signum(weight)) {
                    agreeing++;
                    if (evidence.size() < 2) {
                        evidence.add("chose the answer with " + (delta > 0 ? "more" : "less") + " of it for: \""
                                + abbreviate(pairs.get(i).prompt(), 80) + "\"");
                    }
                }
            }
            evidence.add(0, agreeing + " of " + informative + " informative past choices agree");
            traits.add(new PersonaTrait(dimensionOf(f), f.criterion(weight), Math.tanh(Math.abs(weight)),
                    evidence));
        }
        traits.sort(Comparator.comparingDouble(t -> -t.strength()));
        return traits;
    }

    private static String analysis(int used, int total, List<PersonaTrait> traits) {
        if (traits.isEmpty()) {
            return total == 0 ? "No preference history: no persona could be inferred."
                    : "Learned from " + used + " of " + total + " past choices: no consistent style preference.";
        }
        StringBuilder text = new StringBuilder("Learned from ").append(used).append(" past choices (")
                .append(total).append(" in history). Prefers: ");
        for (int i = 0; i < traits.size(); i++) {
            PersonaTrait t = traits.get(i);
            text.append(i == 0 ? "" : "; ").append(t.statement())
                    .append(String.format(" (strength %.2f)", t.strength()));
        }
        return text.append('.').toString();
    }

    private static PersonaTrait.Dimension dimensionOf(StyleFeature f) {
        return switch (f) {
            case CASUAL_TONE, SUMMARY, FOLLOW_UP -> PersonaTrait.Dimension.STYLE;
            case CAVEATS -> PersonaTrait.Dimension.CORE_VALUES;
            default -> PersonaTrait.Dimension.CONTENT_AND_STRUCTURE;
        };
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
    }

    private record Signed(StyleFeature feature, int sign) {
    }

    private static Map<String, Signed> criterionIndex() {
        Map<String, Signed> index = new HashMap<>();
        for (StyleFeature f : StyleFeature.values()) {
            index.put(f.criterion(1), new Signed(f, 1));
            index.put(f.criterion(-1), new Signed(f, -1));
        }
        return Map.copyOf(index);
    }
}
