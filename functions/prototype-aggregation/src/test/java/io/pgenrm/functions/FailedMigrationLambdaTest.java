package io.pgenrm.functions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A migration that fails is a function error, so Terraform's invocation of migrateSchema fails and the apply stops
 * before any function version is published. Here Flyway refuses a database holding tables it did not create.
 */
@QuarkusTest
@TestProfile(FailedMigrationLambdaTest.MigrateOverClash.class)
class FailedMigrationLambdaTest {
    public static class MigrateOverClash extends MigrateSchemaLambdaTest.Migrate {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UnmigratedDatabaseResource.class, Map.of("clash", "true")));
        }
    }

    @Test
    void isAFunctionErrorWithFlywaysReason() {
        MigrateSchemaLambdaTest.invoke().then().statusCode(500)
                .body("errorType", equalTo("io.quarkus.funqy.runtime.ApplicationException"))
                .body("errorMessage", containsString("FlywayException: Found non-empty schema(s) \"public\""));
    }
}
