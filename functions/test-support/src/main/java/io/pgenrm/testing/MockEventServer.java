package io.pgenrm.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Quarkus' mock Lambda event server listens while a {@code @QuarkusIntegrationTest} runs the built function.
 * A {@code @QuarkusTest} points RestAssured at it by itself; an integration test of a Lambda, whose artifact serves no
 * HTTP of its own, leaves RestAssured on its default port.
 */
public final class MockEventServer {
    /** Quarkus' default for quarkus.lambda.mock-event-server.test-port. */
    private static final int DEFAULT_TEST_PORT = 8081;

    private MockEventServer() {
    }

    /** Sends RestAssured's requests, each one Lambda invocation, to the mock event server. */
    public static void targetRestAssured() {
        RestAssured.port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
                .orElse(DEFAULT_TEST_PORT);
    }
}
