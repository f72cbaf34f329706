package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A noisy personalized judge that answers pgenrm's prompts in the shapes pgenrm parses. It estimates a user's
 * preference weights from the chosen/rejected pairs of a persona prompt and writes them into the persona's
 * traits; later prompts read the weights back from the persona text and score each response by how its
 * {@link TextFeature}s fit them, plus Gaussian noise per sample. Thread-safe and stateless.
 */
public final class SimulatedJudge {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Weaker estimated preferences are left out of the persona, as a model would not mention them.
    private static final double TRAIT_THRESHOLD = 0.05;
    // How steeply a criterion standing in [-0.5, 0.5] moves the 1-10 score: +-0.3 is about +-1.9 points, so
    // the default noise of 1.5 makes single samples unreliable and averaging worthwhile.
    private static final double GAIN = 1.5;
    // Share of each score's noise variance that all criteria of one response share within a sample (a model's
    // overall impression colours every criterion), so a sample's total stays noisy however many criteria it has.
    private static final double HALO_SHARE = 0.5;
    private static final int EVIDENCE_CHARS = 80;

    private final double noiseSigma;
    private final double positionBias;

    /**
     * @param noiseSigma   standard deviation of the Gaussian noise added to every 1-10 score of a sample
     * @param positionBias points added to every score of the response shown first
     */
    public SimulatedJudge(double noiseSigma, double positionBias) {
        if (!(noiseSigma >= 0) || !Double.isFinite(positionBias)) {
            throw new IllegalArgumentException("noiseSigma must be >= 0 and positionBias finite");
        }
        this.noiseSigma = noiseSigma;
        this.positionBias = positionBias;
    }

    /**
     * The judge's answer to one user message. {@code seed} and {@code choice} (the index among the n choices of a
     * request) pick the noise: the same pair always gives the same answer, different pairs independent ones.
     */
    public String answer(String userMessage, long seed, int choice) {
        JudgePrompt prompt = JudgePrompt.parse(userMessage);
        SplittableRandom noise = new SplittableRandom(Seeds.mix(seed, choice));
        return switch (prompt.kind()) {
            case PERSONA -> persona(prompt.history());
            case RUBRIC -> rubric(PreferenceWeights.readTags(prompt.instructions()));
            case SCORING -> scoring(prompt, noise);
            case CHAIN, UNRECOGNISED -> chain(prompt, noise);
        };
    }

    private String persona(List<PreferenceWeights.Choice> history) {
        PreferenceWeights weights = PreferenceWeights.estimate(history);
        List<TextFeature> traits = weights.strongestFirst(TRAIT_THRESHOLD);
        ObjectNode root = JSON.createObjectNode();
        String analysis;
        if (traits.isEmpty()) {
            analysis = history.isEmpty()
                    ? "Nothing is recorded for this user yet, so no preference can be inferred."
                    : "The " + history.size() + " recorded choices show no consistent preference.";
        } else {
            analysis = "Across " + history.size() + " recorded choices this user " + traits.stream()
                    .map(f -> f.preference(weights.weight(f)) + " (" + strengthWord(weights.weight(f)) + ")")
                    .collect(Collectors.joining("; ")) + ".";
        }
        root.put("analysis", analysis);
        ArrayNode list = root.putArray("traits");
        for (TextFeature feature : traits) {
            double w = weights.weight(feature);
            ObjectNode trait = list.addObject();
            trait.put("dimension", feature.dimension());
            trait.put("statement", feature.preference(w) + " " + weights.tag(feature));
            trait.put("strength", round2(Math.min(1, Math.abs(w))));
            trait.putArray("evidence").add(evidence(history, feature, w));
        }
        String prose = traits.isEmpty() ? analysis
                : "Comparing the answers this user preferred with those they passed over: " + analysis;
        return prose + "\n\n" + block(root);
    }

    private String rubric(PreferenceWeights weights) {
        List<JudgeCriterion> criteria = JudgeCriterion.forPreferences(weights);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("criteria");
        for (JudgeCriterion c : criteria) {
            list.addObject().put("name", c.name()).put("description", c.description()).put("weight", (int) c.weight());
        }
        String prose = weights.isNeutral()
                ? "No preferences are known for this user, so the criteria are general ones."
                : "The criteria follow this user's strongest preferences, weighted by how strong each one is.";
        return prose + "\n\n" + block(root);
    }

    private String scoring(JudgePrompt prompt, SplittableRandom noise) {
        PreferenceWeights weights = PreferenceWeights.readTags(prompt.instructions());
        List<JudgeCriterion> criteria = JudgeCriterion.readRubric(prompt.instructions());
        // Whole scores, as models write them; the rationale's totals are computed from what is written.
        List<double[]> scores = scores(prompt.responses(), criteria, weights, noise).stream()
                .map(sheet -> Arrays.stream(sheet).map(Math::round).toArray()).toList();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode byResponse = root.putObject("scores");
        for (int r = 0; r < scores.size(); r++) {
            ObjectNode sheet = byResponse.putObject(responseKey(r));
            for (int c = 0; c < criteria.size(); c++) {
                sheet.put(criteria.get(c).name(), (int) scores.get(r)[c]);
            }
        }
        List<Double> totals = scores.stream().map(s -> weightedTotal(s, criteria)).toList();
        root.put("rationale", rationale(totals));
        return "Each response was read against every criterion for this user. " + rationale(totals) + "\n\n"
                + block(root);
    }

    private String chain(JudgePrompt prompt, SplittableRandom noise) {
        PreferenceWeights stated = PreferenceWeights.readTags(prompt.instructions());
        // A persona from another backend carries no weight tags; the record, when the prompt has one, still does.
        PreferenceWeights weights = stated.isNeutral() && !prompt.history().isEmpty()
                ? PreferenceWeights.estimate(prompt.history()) : stated;
        List<JudgeCriterion> criteria = JudgeCriterion.forPreferences(weights);
        List<Double> totals = totals(prompt.responses(), criteria, weights, noise).stream()
                .map(t -> (double) Math.round(t)).toList();
        StringBuilder out = new StringBuilder("Analysis: ");
        out.append(weights.isNeutral() ? "Nothing specific is known about what this user values"
                : "This user " + weights.strongestFirst(TRAIT_THRESHOLD).stream()
                        .map(f -> f.preference(weights.weight(f))).collect(Collectors.joining("; ")));
        String asked = lastUserTurn(prompt.lastConversation()).replaceAll("\\s+", " ");
        if (!asked.isEmpty()) {
            out.append("; the prompt asks: \"").append(shorten(asked, EVIDENCE_CHARS)).append('"');
        }
        out.append(".\n\nCriteria:\n");
        for (JudgeCriterion c : criteria) {
            out.append("- ").append(c.name()).append(" (").append((int) c.weight()).append("%): ")
                    .append(c.description()).append('\n');
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("rationale", rationale(totals));
        ObjectNode verdict = root.putObject("better_response");
        for (int r = 0; r < totals.size(); r++) {
            verdict.put(responseKey(r), totals.get(r).intValue());
        }
        return out.append("\nVerdict:\n").append(block(root)).toString();
    }

    /** Each shown response's noisy weighted total on 1-10 under {@code criteria}, before any rounding. */
    List<Double> totals(List<String> responses, List<JudgeCriterion> criteria, PreferenceWeights weights,
            SplittableRandom noise) {
        return scores(responses, criteria, weights, noise).stream().map(s -> weightedTotal(s, criteria)).toList();
    }

    /** Noisy 1-10 scores per shown response (outer) and criterion (inner), before any rounding. */
    private List<double[]> scores(List<String> responses, List<JudgeCriterion> criteria, PreferenceWeights weights,
            SplittableRandom noise) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < responses.size(); r++) {
            double[] features = TextFeature.measure(responses.get(r));
            double[] sheet = new double[criteria.size()];
            double halo = noise.nextGaussian();
            for (int c = 0; c < criteria.size(); c++) {
                double clean = 5.5 + 4.5 * Math.tanh(GAIN * criteria.get(c).standing(features, weights));
                double z = Math.sqrt(HALO_SHARE) * halo + Math.sqrt(1 - HALO_SHARE) * noise.nextGaussian();
                double noisy = clean + noiseSigma * z + (r == 0 ? positionBias : 0);
                sheet[c] = Math.max(1, Math.min(10, noisy));
            }
            out.add(sheet);
        }
        return out;
    }

    private static double weightedTotal(double[] scores, List<JudgeCriterion> criteria) {
        double total = 0;
        double weight = 0;
        for (int c = 0; c < criteria.size(); c++) {
            total += scores[c] * criteria.get(c).weight();
            weight += criteria.get(c).weight();
        }
        return weight == 0 ? 0 : total / weight;
    }

    private static String rationale(List<Double> totals) {
        if (totals.isEmpty()) {
            return "There were no responses to compare.";
        }
        int best = 0;
        for (int r = 1; r < totals.size(); r++) {
            if (totals.get(r) > totals.get(best)) {
                best = r;
            }
        }
        return String.format(Locale.ROOT, "Response %d fits this user best (%.1f of 10); the others score %s.",
                best + 1, totals.get(best), totals.stream().map(t -> String.format(Locale.ROOT, "%.1f", t))
                        .collect(Collectors.joining(", ")));
    }

    /** A short quote of the preferred answer that shows the feature most clearly in the user's direction. */
    private static String evidence(List<PreferenceWeights.Choice> history, TextFeature feature, double weight) {
        PreferenceWeights.Choice clearest = history.get(0);
        double widest = Double.NEGATIVE_INFINITY;
        for (PreferenceWeights.Choice choice : history) {
            double gap = Math.signum(weight) * (feature.of(choice.preferred()) - feature.of(choice.rejected()));
            if (gap > widest) {
                widest = gap;
                clearest = choice;
            }
        }
        return shorten(clearest.preferred().strip().replaceAll("\\s+", " "), EVIDENCE_CHARS);
    }

    /** The last "user: ..." turn of a rendered conversation, without the role. */
    private static String lastUserTurn(String conversation) {
        int at = conversation.lastIndexOf("user: ");
        while (at > 0 && conversation.charAt(at - 1) != '\n') {
            at = conversation.lastIndexOf("user: ", at - 1);
        }
        return at < 0 ? conversation.strip() : conversation.substring(at + "user: ".length()).strip();
    }

    private static String strengthWord(double weight) {
        double size = Math.abs(weight);
        return size >= 0.6 ? "strongly" : size >= 0.3 ? "clearly" : "slightly";
    }

    private static String shorten(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int keep = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, keep).strip() + "...";
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String responseKey(int shownPosition) {
        return "response_" + (shownPosition + 1);
    }

    private static String block(ObjectNode root) {
        return "<JSON_START>\n" + root + "\n<JSON_END>";
    }
}
