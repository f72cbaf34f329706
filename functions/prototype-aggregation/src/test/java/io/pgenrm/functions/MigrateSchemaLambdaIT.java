package io.pgenrm.functions;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * MigrateSchemaLambdaTest against the built artifact instead of the test's own JVM: the native executable when built with
 * -Pnative (what .github/workflows/native.yml runs), invoked through the mock Lambda event server.
 */
@QuarkusIntegrationTest
class MigrateSchemaLambdaIT extends MigrateSchemaLambdaTest {
}
