package io.pgenrm.functions;

import io.pgenrm.testing.MockEventServer;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link RewardApiLambdaTest} against the native executable (built with -Pnative, as .github/workflows/native.yml does),
 * invoked through Quarkus' mock Lambda event server. Native only: the executable polls the event server itself,
 * while the JVM jar leaves that to AWS's Java runtime.
 */
@QuarkusIntegrationTest
class RewardApiLambdaIT extends RewardApiLambdaTest {
    @BeforeEach
    void invokeThroughTheMockEventServer() {
        MockEventServer.targetRestAssured();
    }
}
