package io.pgenrm.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Settings under {@code pgenrm.*}; the inference endpoint itself is configured under quarkus.langchain4j.openai. */
@ConfigMapping(prefix = "pgenrm")
public interface PgenrmConfig {
    /** Judge backend: {@code local} (embedded CPU default) or {@code llm} (OpenAI-compatible endpoint). */
    @WithDefault("local")
    String backend();

    /** How often unusable judge output is resampled before the sample is recorded as a parse failure. */
    @WithDefault("2")
    int maxResamples();

    /** Upper bound of samples (hence inference calls) in flight at once in this process. */
    @WithDefault("16")
    int maxInFlight();

    /** Time one evaluation may take; samples still running then are recorded as call failures. */
    @WithDefault("PT10M")
    Duration itemDeadline();

    /**
     * How long a loaded population is served before the database is asked whether a newer one was saved. PT0S (each
     * call) on Lambda, where another function (buildPopulation) saves it; the local app saves its own.
     */
    @WithDefault("PT0S")
    Duration populationRecheck();

    /**
     * The key every HTTP request to {@code pgenrm serve} must carry (PGENRM_API_KEY). Unset: only loopback may be
     * served, and without a key.
     */
    Optional<String> apiKey();

    Llm llm();

    Local local();

    ProM proM();

    /** How Pro-M finds a user's neighbours ({@code pgenrm evaluate --pro-m} overrides it for one batch). */
    interface ProM {
        /**
         * {@code persona}: one vector per user. {@code paper}: as the P-GenRM paper, prototypes of the chains'
         * analyses per user and past choice, matched by the analysis of the user's own chain for the item (llm
         * backend, chain format).
         */
        @WithDefault("persona")
        String mode();
    }

    Functions functions();

    /** The functions {@code pgenrm serve} exposes ({@code /evaluate}, {@code /scoreSample}, ...). */
    interface Functions {
        /** A request body over this is answered 413; every field's own bound is in docs/limits.md. */
        @WithDefault("4194304")
        long maxBodyBytes();
    }

    Reward reward();

    /** The reward API for RL trainers ({@code POST /v1/rewards}, {@code POST /get_reward}). */
    interface Reward {
        /** Ind-N of the plan a request gets when it names none (OpenRLHF's never does). */
        @WithDefault("4")
        int ind();

        @WithDefault("4")
        int pro();

        @WithDefault("0.5")
        double selfWeight();

        @WithDefault("0.5")
        double prototypeWeight();

        /** Pro-M of a cold-start user (no history, no profile) whose plan has none: the prototype's users judge. */
        @WithDefault("4")
        int coldStartPro();

        /** Time a request may take; OpenRLHF waits 180 s. Groups without a verdict by then get an error. */
        @WithDefault("PT150S")
        Duration deadline();

        /** Evaluations kept for identical requests (and for GET /v1/evaluations/{id}); 0 turns the cache off. */
        @WithDefault("1024")
        int cacheSize();

        Limits limits();

        /** Per-request caps: over one, a request is answered 413 (sizes) or 400 (plan), naming the field. */
        interface Limits {
            /** Items of /v1/rewards, queries of /get_reward. */
            @WithDefault("8192")
            int maxItems();

            /** Responses in all items together. */
            @WithDefault("8192")
            int maxResponses();

            @WithDefault("64")
            int maxResponsesPerItem();

            /** History pairs of an inline user. */
            @WithDefault("256")
            int maxHistoryPairs();

            /** Characters of any one text: a message, a response, a query, a history answer. */
            @WithDefault("65536")
            int maxTextChars();

            @WithDefault("16")
            int maxInd();

            @WithDefault("16")
            int maxPro();

            @WithDefault("67108864")
            long maxBodyBytes();
        }
    }

    interface Local {
        /**
         * A population reward model written by {@code pgenrm fit}. Unset: each batch learns one from its own train
         * rows. Set: every batch uses this one, and only the personal part is learned at test time.
         */
        Optional<String> model();
    }

    interface Llm {
        /** {@code staged} (persona, rubric, scores in separate calls) or {@code chain} (one generation per sample). */
        @WithDefault("staged")
        String format();

        /** Built-in prompt set: {@code default}, or {@code paper} (the layout P-GenRM was fine-tuned on). */
        @WithDefault("default")
        String promptSet();

        /** Directory whose prompt files (and {@code layout.properties} keys) replace the set's of the same name. */
        Optional<String> promptsDir();

        /** Past choices a prompt shows; unset: the prompt set's {@code few-shots}. */
        OptionalInt fewShots();

        /** {@code recent} or {@code random} (seeded per item); unset: the prompt set's {@code few-shot-selection}. */
        Optional<String> fewShotSelection();

        /** Unset: the format's, 0.7 staged and 1.0 chain (as the paper samples). */
        Optional<Double> temperature();

        /** Unset: the format's, 1536 staged and 4096 chain (a whole chain must fit). */
        OptionalInt maxTokens();

        /** Retries after the first attempt on 429, 5xx and timeouts, with jittered exponential backoff. */
        @WithDefault("3")
        int maxRetries();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT20S")
        Duration maxBackoff();

        /**
         * Ask the endpoint for the Ind-N samples' rubrics in one request with the OpenAI {@code n} parameter (vLLM
         * supports it); an endpoint that ignores or rejects it gets one request per sample instead.
         */
        @WithDefault("true")
        boolean nSamples();

        Circuit circuit();
    }

    /** Stops hammering a dead endpoint: open when this share of the last {@code window} calls failed. */
    interface Circuit {
        @WithDefault("50")
        int window();

        @WithDefault("0.9")
        double failureRatio();

        @WithDefault("PT15S")
        Duration openFor();
    }
}
