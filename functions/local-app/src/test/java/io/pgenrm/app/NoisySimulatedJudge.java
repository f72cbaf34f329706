package io.pgenrm.app;

import io.pgenrm.simulator.LatencyDistribution;
import io.pgenrm.simulator.SimulatorSettings;

/** Our simulated OpenAI-compatible endpoint with a noisy personalized judge, as the llm backend's endpoint. */
public class NoisySimulatedJudge extends SimulatedEndpointResource {
    @Override
    SimulatorSettings settings() {
        return SimulatorSettings.builder().latency(new LatencyDistribution.Fixed(1)).maxConcurrency(64)
                .noiseSigma(3.0).seed(3).build();
    }
}
