package io.pgenrm.app;

import io.pgenrm.simulator.SimulatedInferenceServer;
import io.pgenrm.simulator.SimulatorSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.Map;

/** Our simulated OpenAI-compatible endpoint, started with {@link #settings()}, as the llm backend's endpoint. */
abstract class SimulatedEndpointResource implements QuarkusTestResourceLifecycleManager {
    private SimulatedInferenceServer server;

    abstract SimulatorSettings settings();

    @Override
    public Map<String, String> start() {
        server = new SimulatedInferenceServer(settings());
        server.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A counter of the endpoint's {@code GET /stats}, given the base URL the llm backend was configured with. */
    static long counter(String baseUrl, String name) {
        return RestAssured.get(baseUrl.replaceFirst("/v1$", "") + "/stats").then().statusCode(200).extract()
                .jsonPath().getLong(name);
    }
}
