package io.pgenrm.app;

import io.pgenrm.simulator.JudgeStyle;
import io.pgenrm.simulator.LatencyDistribution;
import io.pgenrm.simulator.SimulatorSettings;

/**
 * Our simulated endpoint behaving like the released P-GenRM checkpoint: it answers chain-shaped prompts only, in the
 * official output style, lets 5% of its chains run past max-tokens, and answers anything else with prose.
 */
public class OfficialStyleEndpoint extends SimulatedEndpointResource {
    @Override
    SimulatorSettings settings() {
        return SimulatorSettings.builder().latency(new LatencyDistribution.Fixed(1)).maxConcurrency(64)
                .noiseSigma(1.5).seed(5).style(JudgeStyle.OFFICIAL).cutOffRate(0.05).build();
    }
}
