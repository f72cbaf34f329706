package io.pgenrm.app;

import io.pgenrm.simulator.JudgeStyle;
import io.pgenrm.simulator.LatencyDistribution;
import io.pgenrm.simulator.SimulatedInferenceServer;
import io.pgenrm.simulator.SimulatorSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Our simulated endpoint behaving like the released P-GenRM checkpoint: it answers chain-shaped prompts only, in the
 * official output style, lets 5% of its chains run past max-tokens, and answers anything else with prose.
 */
public class OfficialStyleEndpoint implements QuarkusTestResourceLifecycleManager {
    static final double CUT_OFF_RATE = 0.05;
    private SimulatedInferenceServer server;

    @Override
    public Map<String, String> start() {
        server = new SimulatedInferenceServer(SimulatorSettings.builder().latency(new LatencyDistribution.Fixed(1))
                .maxConcurrency(64).noiseSigma(1.5).seed(5).style(JudgeStyle.OFFICIAL).cutOffRate(CUT_OFF_RATE)
                .build());
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
