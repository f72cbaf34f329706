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
import io.pgenrm.domain.UserProfile;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded CPU backend, reading real text through in-process sentence embeddings.
 * <ul>
 * <li>Population: a {@link PopulationRewardModel} learned from every user's past choices (or pinned from a file).
 * <li>Persona: the user's own weights on the interpretable dimensions (style features, relevance), refitted on
 * their choices and shrunk toward the population's; seed 0 uses the whole history, other seeds a bootstrap resample,
 * which is what makes Ind-N samples differ. Its embedding (what the user's choices prefer, and their profile) places
 * the user among the prototypes.
 * <li>Rubric: one criterion per dimension, weighted by how much it separates this prompt's candidates for this user.
 * <li>Scores: 1-10 per criterion, built so that the weighted total ranks candidates exactly as the reward does.
 * </ul>
 */
public final class LocalJudge implements Judge, PopulationLearner {
    /** Penalty of the personal refit, chosen by cross-validation on PRISM train rows (README). */
    public static final double PERSONAL_LAMBDA = 10;
    static final String NEUTRAL_CRITERION = "No preference signal yet: judged neutral";
    static final String SEMANTIC_CRITERION = "Content and wording that people's past choices favoured";
    private static final String RELEVANCE_MORE = "Stays close to what was asked";
    private static final String RELEVANCE_LESS = "Goes beyond the literal question";
    /** Reward points (log-odds) per point of the 1-10 total; the midpoint is 5.5. */
    private static final double POINTS_PER_LOGIT = 1.0;
    private static final int MAX_TRAITS = 6;
    private static final double TRAIT_THRESHOLD = 0.1;
    /** One step of the CPU engine: counted like an inference call, with no tokens. */
    private static final CallCost LOCAL_CALL = new CallCost(1, 0, 0, 0, 0);

    private final TextEmbedder embedder;
    private final AtomicReference<PopulationRewardModel> model = new AtomicReference<>();
    private volatile boolean pinned;
    private final double personalLambda;

    /**
     * @param pinnedModel    a population model fitted elsewhere ({@code pgenrm fit}), or null to learn per batch
     * @param personalLambda how strongly a user's own weights are held to the population's
     */
    public LocalJudge(TextEmbedder embedder, PopulationRewardModel pinnedModel, double personalLambda) {
        this.embedder = embedder;
        this.personalLambda = personalLambda;
        this.pinned = pinnedModel != null;
        if (pinned) {
            model.set(pinnedModel.requireCompatible(embedder));
        }
    }

    public LocalJudge(TextEmbedder embedder, PopulationRewardModel pinnedModel) {
        this(embedder, pinnedModel, PERSONAL_LAMBDA);
    }

    public LocalJudge(TextEmbedder embedder) {
        this(embedder, null);
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
    public Optional<PopulationLearner> populationLearner() {
        return Optional.of(this);
    }

    @Override
    public PopulationRewardModel learnPopulation(List<UserHistory> histories,
            PopulationRewardModel.Provenance provenance) {
        if (pinned) {
            return model.get();
        }
        List<PreferencePair> pairs = histories.stream().flatMap(h -> h.pairs().stream()).toList();
        PopulationRewardModel fitted = PopulationRewardModel.fit(pairs, embedder,
                PopulationRewardModel.Penalties.DEFAULT, provenance);
        model.set(fitted);
        return fitted;
    }

    @Override
    public void pin(PopulationRewardModel pinnedModel) {
        model.set(pinnedModel.requireCompatible(embedder));
        pinned = true;
    }

    @Override
    public void usePopulation(PopulationRewardModel population) {
        if (!pinned && population != null) {
            model.set(population.requireCompatible(embedder));
        }
    }

    @Override
    public PopulationRewardModel population() {
        PopulationRewardModel current = model.get();
        return current != null ? current : PopulationRewardModel.lengthPrior(embedder, null);
    }

    @Override
    public Judged<Persona> inducePersona(UserHistory history, long seed) {
        PopulationRewardModel population = population();
        List<PreferencePair> pairs = seed == 0 ? history.pairs() : bootstrap(history.pairs(), seed);
        int p = population.personalDimensions();
        double[] prior = Arrays.copyOf(population.weights(), p);
        List<double[]> rows = new ArrayList<>(pairs.size());
        double[] offsets = new double[pairs.size()];
        double[] direction = new double[embedder.dimensions()];
        for (int r = 0; r < pairs.size(); r++) {
            PreferencePair pair = pairs.get(r);
            double[][] f = population.features(pair.prompt(), List.of(pair.chosen(), pair.rejected()), embedder);
            double[] diff = PopulationRewardModel.difference(f[0], f[1]);
            rows.add(Arrays.copyOf(diff, p));
            for (int i = p; i < diff.length; i++) {
                offsets[r] += population.weights()[i] * diff[i];
                direction[i - p] += diff[i];
            }
        }
        double[] own = LogisticFit.fit(rows, offsets, prior, personalLambda);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < p; i++) {
            weights.put(population.personalName(i), own[i]);
        }
        List<PersonaTrait> traits = traits(own, prior, pairs, rows, population);
        profileTrait(history.profile()).ifPresent(traits::add);
        String analysis = analysis(pairs.size(), history.pairs().size(), traits);
        return new Judged<>(new Persona(history.userId(), history.version(), seed, analysis, traits, weights,
                embedding(direction, history.profile())), LOCAL_CALL, "");
    }

    @Override
    public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
        Contributions contributions = contributions(persona, scenario);
        List<Criterion> criteria = new ArrayList<>();
        for (int g = 0; g < contributions.groups(); g++) {
            double spread = contributions.spread(g);
            if (spread > 1e-9) {
                criteria.add(new Criterion(contributions.criterion(g), String.format(Locale.ROOT,
                        "weight %.2f for this user; separates these answers by %.3f", contributions.weight(g),
                        spread), spread));
            }
        }
        if (criteria.isEmpty()) {
            criteria.add(new Criterion(NEUTRAL_CRITERION, "nothing this user values tells these answers apart", 1));
        }
        // Strongest first; equal weights ordered by name, so every process ranks them the same way.
        criteria.sort(Comparator.comparingDouble((Criterion c) -> -c.weight()).thenComparing(Criterion::name));
        return new Judged<>(Rubric.normalized(criteria), LOCAL_CALL, "");
    }

    @Override
    public Judged<ScoredSample> scoreSample(SampleRequest request) {
        Rubric rubric = request.rubric() != null ? request.rubric()
                : generateRubric(request.persona(), request.scenario(), request.seed()).value();
        Contributions contributions = contributions(request.persona(), request.scenario());
        int k = request.scenario().candidates().size();
        List<List<Double>> perCandidate = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            perCandidate.add(new ArrayList<>());
        }
        for (Criterion criterion : rubric.criteria()) {
            int g = contributions.groupOf(criterion.name());
            double share = criterion.weight() / 100.0;
            for (int c = 0; c < k; c++) {
                double score = 5.5;
                if (g >= 0 && share > 0) {
                    // Dividing by the share makes the weighted total 5.5 + reward deviation: the ranking is the
                    // reward's, and each criterion shows which candidate it favours.
                    score = clamp(5.5 + POINTS_PER_LOGIT * contributions.deviation(g, criterion.name(), c) / share);
                }
                perCandidate.get(c).add(score);
            }
        }
        List<CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            scores.add(CandidateScore.weighted(c, rubric, perCandidate.get(c)));
        }
        return new Judged<>(new ScoredSample(rubric, scores), LOCAL_CALL, "");
    }

    /** Each candidate's reward split by dimension group: style features, relevance, and the semantic part. */
    private Contributions contributions(Persona persona, Scenario scenario) {
        PopulationRewardModel population = population();
        double[][] features = population.features(scenario.prompt(), scenario.candidates(), embedder);
        int p = population.personalDimensions();
        double[] w = population.weights().clone();
        for (int i = 0; i < p; i++) {
            w[i] = persona.featureWeights().getOrDefault(population.personalName(i), w[i]);
        }
        double[] semantic = new double[features.length];
        for (int c = 0; c < features.length; c++) {
            for (int i = p; i < w.length; i++) {
                semantic[c] += w[i] * features[c][i];
            }
        }
        List<String> names = new ArrayList<>(p + 1);
        for (int i = 0; i < p; i++) {
            names.add(criterionName(population.personalName(i), w[i]));
        }
        names.add(SEMANTIC_CRITERION);
        return new Contributions(features, Arrays.copyOf(w, p), semantic, names);
    }

    /**
     * @param features   each candidate's features in the population model's layout
     * @param personal   the persona's weights on the personal dimensions
     * @param semantic   each candidate's reward from the embedding dimensions
     * @param names      the criterion each group stands for in this persona's direction; the last is semantic
     */
    private record Contributions(double[][] features, double[] personal, double[] semantic, List<String> names) {
        int groups() {
            return names.size();
        }

        double weight(int g) {
            return g < personal.length ? personal[g] : 1;
        }

        String criterion(int g) {
            return names.get(g);
        }

        /** The group a criterion name belongs to, in either direction; -1 when it names none of ours. */
        int groupOf(String criterion) {
            if (SEMANTIC_CRITERION.equals(criterion)) {
                return personal.length;
            }
            Directed directed = DIRECTED.get(criterion);
            return directed == null ? -1 : directed.dimension();
        }

        /**
         * How far candidate {@code c} sits above the candidates' mean on group {@code g}, in reward units, in the
         * direction the criterion names. A rubric from elsewhere may name the direction opposite to this persona's
         * weight, or a dimension the persona does not weigh: it is then scored as it says, at unit weight.
         */
        double deviation(int g, String criterion, int c) {
            if (g == personal.length) {
                return semantic[c] - mean(semantic);
            }
            double magnitude = personal[g] == 0 ? 1 : Math.abs(personal[g]);
            return DIRECTED.get(criterion).sign() * magnitude * (features[c][g] - meanOf(g));
        }

        /** Mean absolute deviation of the group's reward: how much it tells these candidates apart. */
        double spread(int g) {
            double sum = 0;
            for (int c = 0; c < features.length; c++) {
                sum += Math.abs(g == personal.length ? semantic[c] - mean(semantic)
                        : personal[g] * (features[c][g] - meanOf(g)));
            }
            return sum / features.length;
        }

        private double meanOf(int g) {
            double sum = 0;
            for (double[] f : features) {
                sum += f[g];
            }
            return sum / features.length;
        }

        private static double mean(double[] values) {
            return Arrays.stream(values).average().orElse(0);
        }
    }

    /** A criterion name's dimension (its index among the personal dimensions) and the direction it favours. */
    private record Directed(int dimension, int sign) {
    }

    private static final Map<String, Directed> DIRECTED = directedCriteria();

    private static Map<String, Directed> directedCriteria() {
        Map<String, Directed> index = new HashMap<>();
        StyleFeature[] features = StyleFeature.values();
        for (StyleFeature f : features) {
            index.put(f.criterion(1), new Directed(f.ordinal(), 1));
            index.put(f.criterion(-1), new Directed(f.ordinal(), -1));
        }
        index.put(RELEVANCE_MORE, new Directed(features.length, 1));
        index.put(RELEVANCE_LESS, new Directed(features.length, -1));
        return Map.copyOf(index);
    }

    static String criterionName(String dimension, double weight) {
        if (PopulationRewardModel.RELEVANCE.equals(dimension)) {
            return weight >= 0 ? RELEVANCE_MORE : RELEVANCE_LESS;
        }
        return StyleFeature.valueOf(dimension).criterion(weight);
    }

    private static double clamp(double score) {
        return Math.max(1, Math.min(10, score));
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

    /** The dimensions this user weighs most, with how their choices moved them from the population's weight. */
    private static List<PersonaTrait> traits(double[] own, double[] prior, List<PreferencePair> pairs,
            List<double[]> rows, PopulationRewardModel population) {
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < own.length; i++) {
            if (Math.abs(own[i]) >= TRAIT_THRESHOLD) {
                ranked.add(i);
            }
        }
        ranked.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(own[i]))
                .thenComparing(i -> population.personalName(i)));
        List<PersonaTrait> traits = new ArrayList<>();
        for (int i : ranked.subList(0, Math.min(MAX_TRAITS, ranked.size()))) {
            List<String> evidence = new ArrayList<>();
            evidence.add(String.format(Locale.ROOT, "weight %.2f (population %.2f)", own[i], prior[i]));
            int agreeing = 0;
            int informative = 0;
            for (int r = 0; r < pairs.size(); r++) {
                double delta = rows.get(r)[i];
                if (Math.abs(delta) < 1e-9) {
                    continue;
                }
                informative++;
                if (Math.signum(delta) == Math.signum(own[i])) {
                    agreeing++;
                    if (evidence.size() < 3) {
                        evidence.add("chose the answer with " + (delta > 0 ? "more" : "less") + " of it for: \""
                                + abbreviate(pairs.get(r).prompt(), 80) + "\"");
                    }
                }
            }
            if (informative > 0) {
                evidence.add(1, agreeing + " of " + informative + " informative past choices agree");
            }
            String name = population.personalName(i);
            traits.add(new PersonaTrait(dimensionOf(name), criterionName(name, own[i]), Math.tanh(Math.abs(own[i])),
                    evidence));
        }
        return traits;
    }

    private static Optional<PersonaTrait> profileTrait(UserProfile profile) {
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        profile.demographics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> evidence.add(e.getKey() + ": " + e.getValue()));
        profile.statedPreferences().forEach(s -> evidence.add("stated: " + s));
        profile.feedback().forEach(f -> evidence.add("feedback: " + f));
        return Optional.of(new PersonaTrait(PersonaTrait.Dimension.CORE_VALUES,
                "Profile and stated preferences, used to find users like them", 0, evidence));
    }

    static String profileText(UserProfile profile) {
        StringBuilder text = new StringBuilder();
        profile.demographics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getValue()).append(". "));
        profile.statedPreferences().forEach(s -> text.append(s).append(". "));
        profile.feedback().forEach(f -> text.append(f).append(". "));
        return text.toString().strip();
    }

    /**
     * The user's place among prototypes: the unit mean of chosen-minus-rejected embeddings (what their choices
     * prefer), then the unit embedding of their profile; a part is zero where that signal is missing.
     */
    private List<Double> embedding(double[] direction, UserProfile profile) {
        int d = embedder.dimensions();
        double[] v = new double[2 * d];
        double norm = 0;
        for (double x : direction) {
            norm += x * x;
        }
        if (norm > 1e-18) {
            double scale = 1 / Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                v[i] = direction[i] * scale;
            }
        }
        String profileText = profileText(profile);
        if (!profileText.isEmpty()) {
            float[] e = embedder.embed(profileText);
            for (int i = 0; i < d; i++) {
                v[d + i] = e[i];
            }
        }
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            // Four decimals keep cosine similarities intact and the persona's JSON a third of the size.
            out.add(Math.round(x * 1e4) / 1e4);
        }
        return out;
    }

    private static String analysis(int used, int total, List<PersonaTrait> traits) {
        List<PersonaTrait> learned = traits.stream().filter(t -> t.strength() > 0).toList();
        StringBuilder text = new StringBuilder();
        if (total == 0) {
            text.append("No preference history: judged by what the population prefers");
        } else {
            text.append("Learned from ").append(used).append(" past choices (").append(total)
                    .append(" in history), shrunk toward the population");
        }
        if (!learned.isEmpty()) {
            text.append(". Weighs most: ");
            for (int i = 0; i < learned.size(); i++) {
                PersonaTrait t = learned.get(i);
                text.append(i == 0 ? "" : "; ").append(t.statement())
                        .append(String.format(Locale.ROOT, " (strength %.2f)", t.strength()));
            }
        }
        return text.append('.').toString();
    }

    private static PersonaTrait.Dimension dimensionOf(String name) {
        if (PopulationRewardModel.RELEVANCE.equals(name)) {
            return PersonaTrait.Dimension.CONTENT_AND_STRUCTURE;
        }
        return switch (StyleFeature.valueOf(name)) {
            case CASUAL_TONE, SUMMARY, FOLLOW_UP, ADDRESSES_READER, LONG_SENTENCES -> PersonaTrait.Dimension.STYLE;
            case CAVEATS, APOLOGY, OPINION -> PersonaTrait.Dimension.CORE_VALUES;
            default -> PersonaTrait.Dimension.CONTENT_AND_STRUCTURE;
        };
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
    }
}
