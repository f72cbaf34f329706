package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * migrateSchema through Quarkus' mock Lambda event server, as Terraform's aws_lambda_invocation calls it: it brings an
 * empty database to the latest schema once and finds nothing to do the next time.
 */
@QuarkusTest
@TestProfile(MigrateSchemaLambdaTest.Migrate.class)
class MigrateSchemaLambdaTest {
    /** The migrations in functions/storage: db/migration/V1 to V4. */
    private static final int MIGRATIONS = 4;

    public static class Migrate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "migrateSchema");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UnmigratedDatabaseResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    static Response invoke() {
        return given().contentType("application/json").accept("application/json").body("{}").when().post();
    }

    @Test
    void appliesEveryMigrationOnceThenNothing() {
        invoke().then().statusCode(200)
                .body("version", equalTo(Integer.toString(MIGRATIONS)))
                .body("applied", equalTo(MIGRATIONS));
        invoke().then().statusCode(200)
                .body("version", equalTo(Integer.toString(MIGRATIONS)))
                .body("applied", equalTo(0));
    }
}
