package io.pgenrm.workflow;

import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.PersonaEmbedding;
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
                }
                failures.add(new Failure(withHistory.get(i).userId(),
                        cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                continue;
            }
            personas.add(response.persona());
            embeddings.put(response.persona().userId(), PersonaEmbedding.of(response.persona()));
            cost = cost.plus(response.cost());
        }
        PrototypeIndex index = PrototypeIndex.build(embeddings, prototypes, seed);
        return new Built(new Population(users, index, model), personas, List.copyOf(failures), cost);
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
