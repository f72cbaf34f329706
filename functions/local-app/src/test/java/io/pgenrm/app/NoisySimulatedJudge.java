package io.pgenrm.app;

import io.pgenrm.simulator.LatencyDistribution;
import io.pgenrm.simulator.SimulatedInferenceServer;
import io.pgenrm.simulator.SimulatorSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Our simulated OpenAI-compatible endpoint with a noisy personalized judge, as the llm backend's endpoint. */
public class NoisySimulatedJudge implements QuarkusTestResourceLifecycleManager {
    private SimulatedInferenceServer server;

    @Override
    public Map<String, String> start() {
        server = new SimulatedInferenceServer(SimulatorSettings.builder().latency(new LatencyDistribution.Fixed(1))
                .maxConcurrency(64).noiseSigma(3.0).seed(3).build());
        server.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
