package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Answers like a checkpoint fine-tuned on the chain task ({@link JudgeStyle#OFFICIAL}): the same noisy judgement as
 * {@link SimulatedJudge}, written as a preference analysis, lettered criteria with weights and en dashes, and a
 * verdict whose totals are numeric strings, on 1-10 or on 0-100 (a coin per choice). A share of the chains
 * ({@code cutOffRate}) keep deliberating past the request's max_tokens, so the server cuts them. Anything that is
 * not a chain-shaped prompt gets prose with no JSON at all.
 */
final class OfficialStyleJudge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TRAIT_THRESHOLD = 0.05;
    private static final int CHARS_PER_TOKEN = 4;
    private static final String DELIBERATION = "On second thought, let me weigh the two again, since each has "
            + "something this person might value and the difference is not obvious at first reading. ";
    private static final String PROSE = "Thank you for the question. There is a lot to consider here, and a good "
            + "answer depends on who is asking and why. I would rather think it through than rush to a conclusion: "
            + "some readers want the short version, others want every detail, and both are reasonable. In the end "
            + "the choice is yours, and I hope these thoughts help you make it.";

    private final SimulatedJudge judge;
    private final double cutOffRate;

    OfficialStyleJudge(SimulatedJudge judge, double cutOffRate) {
        this.judge = judge;
        this.cutOffRate = cutOffRate;
    }

    /** Whether a request is one this judge answers with a chain; every other one gets {@link #PROSE}. */
    static boolean understands(List<ChatCompletionRequest.Message> messages) {
        return OfficialPrompt.parse(messages).isPresent();
    }

    String answer(List<ChatCompletionRequest.Message> messages, long seed, int choice, Integer maxTokens) {
        OfficialPrompt prompt = OfficialPrompt.parse(messages).orElse(null);
        if (prompt == null) {
            return PROSE;
        }
        SplittableRandom noise = new SplittableRandom(Seeds.mix(seed, choice));
        PreferenceWeights weights = PreferenceWeights.estimate(prompt.history());
        List<JudgeCriterion> criteria = JudgeCriterion.forPreferences(weights);
        List<Double> totals = judge.totals(prompt.responses(), criteria, weights, noise);
        boolean hundred = noise.nextBoolean();
        boolean deliberates = maxTokens != null && noise.nextDouble() < cutOffRate;

        StringBuilder out = new StringBuilder(analysis(weights, prompt.history().size())).append("\n\n");
        if (deliberates) {
            while (out.length() <= maxTokens * CHARS_PER_TOKEN) {
                out.append(DELIBERATION);
            }
            out.append("\n\n");
        }
        out.append("Evaluation criteria:\n");
        for (int i = 0; i < criteria.size(); i++) {
            JudgeCriterion c = criteria.get(i);
            out.append((char) ('a' + i)).append(". ").append(c.name()).append(" (").append((int) c.weight())
                    .append("%) \u2013 ").append(c.description()).append('\n');
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("rationale", rationale(totals));
        ObjectNode verdict = root.putObject("better_response");
        for (int r = 0; r < totals.size(); r++) {
            long total = hundred ? Math.round(10 * totals.get(r)) : Math.round(totals.get(r));
            verdict.put(SimulatedJudge.responseKey(r), Long.toString(total));
        }
        return out.append('\n').append("<JSON_START>").append(root).append("<JSON_END>").toString();
    }

    private static String analysis(PreferenceWeights weights, int choices) {
        if (choices == 0) {
            return "There is no record of this person's choices, so I judge as a careful general reader would.";
        }
        List<TextFeature> traits = weights.strongestFirst(TRAIT_THRESHOLD);
        if (traits.isEmpty()) {
            return "Across " + choices + " earlier choices this person shows no consistent taste.";
        }
        return "Across " + choices + " earlier choices this person " + traits.stream()
                .map(f -> f.preference(weights.weight(f))).collect(Collectors.joining("; ")) + ".";
    }

    private static String rationale(List<Double> totals) {
        int best = 0;
        for (int r = 1; r < totals.size(); r++) {
            best = totals.get(r) > totals.get(best) ? r : best;
        }
        return String.format(Locale.ROOT, "Response %d suits this person best.", best + 1);
    }
}
