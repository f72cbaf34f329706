package io.pgenrm.chain;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How a prompt set lays out a user's history and the data it quotes, from its {@code layout.properties}:
 * {@code few-shots}, how many past choices a prompt shows; {@code few-shot-selection}, which ones ({@code recent}:
 * the latest, {@code random}: a seeded draw per evaluated item, so every sample of the item sees the same ones);
 * {@code data-fences}, whether quoted text sits inside {@link DataFence}s (a model fine-tuned on plain text may not
 * expect them; without them a response that imitates a verdict is harder to tell from the judge's own).
 */
public record PromptLayout(int fewShots, FewShotSelection fewShotSelection, boolean dataFences) {
    /** The 20 most recent choices, fenced: what a prompt set without a {@code layout.properties} gets. */
    public static final PromptLayout DEFAULT = new PromptLayout(20, FewShotSelection.RECENT, true);

    static final String FEW_SHOTS = "few-shots";
    static final String FEW_SHOT_SELECTION = "few-shot-selection";
    static final String DATA_FENCES = "data-fences";
    private static final Set<String> KEYS = Set.of(FEW_SHOTS, FEW_SHOT_SELECTION, DATA_FENCES);

    public enum FewShotSelection {
        RECENT, RANDOM;

        public static FewShotSelection parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FEW_SHOT_SELECTION + " must be \"recent\" or \"random\", got \""
                        + text + "\"", e);
            }
        }
    }

    public PromptLayout {
        if (fewShots < 1) {
            throw new IllegalArgumentException(FEW_SHOTS + " must be >= 1, got " + fewShots);
        }
        if (fewShotSelection == null) {
            throw new IllegalArgumentException(FEW_SHOT_SELECTION + " is required");
        }
    }

    /** This layout with the keys {@code properties} sets replaced; an unknown key is an error (a typo). */
    PromptLayout with(Properties properties, String source) {
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + source + "; known: "
                        + KEYS.stream().sorted().toList());
            }
        }
        Map<String, String> set = Map.of(
                FEW_SHOTS, properties.getProperty(FEW_SHOTS, Integer.toString(fewShots)),
                FEW_SHOT_SELECTION, properties.getProperty(FEW_SHOT_SELECTION, fewShotSelection.name()),
                DATA_FENCES, properties.getProperty(DATA_FENCES, Boolean.toString(dataFences)));
        try {
            return new PromptLayout(Integer.parseInt(set.get(FEW_SHOTS).strip()),
                    FewShotSelection.parse(set.get(FEW_SHOT_SELECTION)), bool(set.get(DATA_FENCES)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + source + ": " + e.getMessage(), e);
        }
    }

    public PromptLayout withFewShots(int count, FewShotSelection selection) {
        return new PromptLayout(count, selection, dataFences);
    }

    private static boolean bool(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(DATA_FENCES + " must be true or false, got \"" + text + "\"");
        }
        return Boolean.parseBoolean(value);
    }
}
