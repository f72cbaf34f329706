package io.pgenrm.workflow;

import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.TextEmbedder;
import io.pgenrm.prototype.AnalysisEmbedding;
import io.pgenrm.prototype.PersonaEmbedding;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.PrototypeIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Induces every user's persona (in parallel on the sample pool) and clusters them into prototypes. A user whose
 * persona cannot be induced (endpoint down, unusable output) is left out of the prototypes and reported; their own
 * items retry the induction when they are evaluated.
 * <p>
 * For {@link ProMMode#PAPER} the prototypes cluster chain analyses instead: one chain per user and past choice (that
 * pair is the item, the user's other pairs the few-shots), its analysis embedded in-process. A user none of whose
 * chains gave an analysis is left out and reported the same way.
 */
public final class PopulationBuilder {
    private PopulationBuilder() {
    }

    /** A user left out of the prototypes, and why. */
    public record Failure(String userId, String reason) {
    }

    /** The k-means seed of every population: the same histories give the same prototypes on the CLI and on AWS. */
    public static final long PROTOTYPE_SEED = 7;

    public record Built(Population population, List<Persona> personas, List<Failure> failures, CallCost cost) {
    }

    public static Built build(Map<String, UserHistory> users, EvaluationSteps steps, ExecutorService pool,
            int prototypes, long seed) {
        return build(users, steps, pool, prototypes, seed, "population");
    }

    /** @param source what the histories came from (a file name), recorded in the population model's provenance */
    public static Built build(Map<String, UserHistory> users, EvaluationSteps steps, ExecutorService pool,
            int prototypes, long seed, String source) {
        return build(users, steps, pool, prototypes, seed, source, ProMMode.PERSONA, null);
    }

    /**
     * @param mode              which Pro-M the prototypes are for
     * @param analysisEmbedder  embeds the chains' analyses ({@code paper}; unused for {@code persona})
     */
    public static Built build(Map<String, UserHistory> users, EvaluationSteps steps, ExecutorService pool,
            int prototypes, long seed, String source, ProMMode mode, TextEmbedder analysisEmbedder) {
        List<UserHistory> sorted = users.values().stream()
                .sorted(Comparator.comparing(UserHistory::userId)).toList();
        PopulationRewardModel model = steps.learnPopulation(sorted, provenance(source, sorted)).orElse(null);
        List<UserHistory> withHistory = users.values().stream().filter(UserHistory::hasSignals).toList();
        List<CompletableFuture<PersonaResponse>> futures = withHistory.stream()
                .map(h -> CompletableFuture.supplyAsync(() -> steps.inducePersona(new InducePersonaRequest(h, 0)), pool))
                .toList();
        List<Persona> personas = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, double[]> embeddings = new LinkedHashMap<>();
        CallCost cost = CallCost.NONE;
        for (int i = 0; i < futures.size(); i++) {
            PersonaResponse response;
            try {
                response = futures.get(i).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof JudgeOutputException unusable) {
                    cost = cost.plus(unusable.cost());
                } else if (cause instanceof InferenceCallException failedCall) {
                    cost = cost.plus(failedCall.cost());
                }
                failures.add(new Failure(withHistory.get(i).userId(),
                        cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                continue;
            }
            personas.add(response.persona());
            embeddings.put(response.persona().userId(), PersonaEmbedding.of(response.persona()));
            cost = cost.plus(response.cost());
        }
        if (mode == ProMMode.PERSONA) {
            PrototypeIndex index = PrototypeIndex.build(embeddings, prototypes, seed);
            return new Built(new Population(users, index, model), personas, List.copyOf(failures), cost);
        }
        if (analysisEmbedder == null) {
            throw new IllegalArgumentException("paper Pro-M needs an embedder for the chains' analyses");
        }
        Analysed analysed = analyse(personas, users, steps, pool, analysisEmbedder, prototypes, seed);
        failures.addAll(analysed.failures());
        return new Built(new Population(users, analysed.index(), model), personas, List.copyOf(failures),
                cost.plus(analysed.cost()));
    }

    private record Analysed(PrototypeIndex index, List<Failure> failures, CallCost cost) {
    }

    /** A chain analysis of a user's past choice: the pair is the item, the user's other pairs its few-shots. */
    private record PairChain(String member, String userId, CompletableFuture<EvaluationChain> chain) {
    }

    private static Analysed analyse(List<Persona> personas, Map<String, UserHistory> users, EvaluationSteps steps,
            ExecutorService pool, TextEmbedder embedder, int prototypes, long seed) {
        List<PairChain> pending = new ArrayList<>();
        for (Persona persona : personas) {
            UserHistory history = users.get(persona.userId());
            List<PreferencePair> pairs = history.pairs();
            for (int i = 0; i < pairs.size(); i++) {
                PreferencePair pair = pairs.get(i);
                if (pair.context().isEmpty()) {
                    continue;
                }
                List<PreferencePair> others = new ArrayList<>(pairs);
                others.remove(i);
                long pairSeed = SamplePlanner.itemSeed(history.userId() + "/analysis/" + i);
                ScoreSampleRequest request = new ScoreSampleRequest(persona,
                        new UserHistory(history.userId(), others, history.profile()), null,
                        new Scenario(pair.context(), List.of(pair.chosen(), pair.rejected())), SampleSource.SELF, 0,
                        pairSeed, pairSeed, false);
                pending.add(new PairChain(history.userId() + "#" + i, history.userId(),
                        CompletableFuture.supplyAsync(() -> steps.scoreSample(request), pool)));
            }
        }
        List<String> members = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, String> lastError = new LinkedHashMap<>();
        CallCost cost = CallCost.NONE;
        for (PairChain pairChain : pending) {
            EvaluationChain chain;
            try {
                chain = pairChain.chain().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                lastError.put(pairChain.userId(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
                continue;
            }
            cost = cost.plus(chain.cost());
            String analysis = chain.persona() == null ? "" : chain.persona().analysis();
            if (!chain.scored() || analysis.isBlank()) {
                lastError.put(pairChain.userId(), chain.scored() ? "the chain wrote no analysis" : chain.error());
                continue;
            }
            members.add(pairChain.member());
            texts.add(analysis);
            owners.put(pairChain.member(), pairChain.userId());
        }
        List<double[]> vectors = AnalysisEmbedding.ofAll(embedder, texts);
        Map<String, double[]> analyses = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            analyses.put(members.get(i), vectors.get(i));
        }
        List<Failure> failures = lastError.entrySet().stream()
                .filter(e -> !owners.containsValue(e.getKey()))
                .map(e -> new Failure(e.getKey(), "no chain analysis: " + e.getValue())).toList();
        return new Analysed(PrototypeIndex.overAnalyses(analyses, owners, prototypes, seed), failures, cost);
    }

    /** The histories' content hash (every user's history version, in user order) stands for the data. */
    static PopulationRewardModel.Provenance provenance(String source, List<UserHistory> histories) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (UserHistory h : histories) {
                digest.update((h.userId() + '=' + h.version() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            int pairs = histories.stream().mapToInt(h -> h.pairs().size()).sum();
            return new PopulationRewardModel.Provenance(source, HexFormat.of().formatHex(digest.digest()),
                    pairs, histories.size(), Instant.now().toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
