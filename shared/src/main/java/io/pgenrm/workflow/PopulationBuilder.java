package io.pgenrm.workflow;

import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.prototype.PersonaEmbedding;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Induces every user's persona (in parallel on the sample pool) and clusters them into prototypes. */
public final class PopulationBuilder {
    private PopulationBuilder() {
    }

    public record Built(Population population, List<Persona> personas, CallCost cost) {
    }

    public static Built build(Map<String, UserHistory> users, EvaluationSteps steps, ExecutorService pool,
            int prototypes, long seed) {
        List<UserHistory> withHistory = users.values().stream().filter(UserHistory::hasSignals).toList();
        List<CompletableFuture<io.pgenrm.api.PersonaResponse>> futures = withHistory.stream()
                .map(h -> CompletableFuture.supplyAsync(() -> steps.inducePersona(new InducePersonaRequest(h, 0)), pool))
                .toList();
        List<Persona> personas = new ArrayList<>();
        Map<String, double[]> embeddings = new LinkedHashMap<>();
        CallCost cost = CallCost.NONE;
        for (CompletableFuture<io.pgenrm.api.PersonaResponse> f : futures) {
            var response = f.join();
            personas.add(response.persona());
            embeddings.put(response.persona().userId(), PersonaEmbedding.of(response.persona()));
            cost = cost.plus(response.cost());
        }
        PrototypeIndex index = PrototypeIndex.build(embeddings, prototypes, seed);
        return new Built(new Population(users, index), personas, cost);
    }
}
