package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * matchPrototype reads the population through Hibernate Reactive, after Flyway migrated through JDBC; both pools
 * can log in only with the password from the secret, so this proves DatabaseCredentials is what they ask.
 */
@QuarkusTest
@TestProfile(DatabaseLoginFromSecretTest.SecretLogin.class)
class DatabaseLoginFromSecretTest {
    public static class SecretLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "matchPrototype");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecretsExtensionDatabaseResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void bothPoolsLogInWithTheSecretReadThroughTheExtension() {
        given().contentType("application/json").accept("application/json")
                .body("{\"userId\": \"u1\", \"neighbours\": 2}")
                .when().post()
                .then().statusCode(200)
                .body("prototypeId", equalTo(-1));

        assertThat(SecretsExtensionDatabaseResource.SECRET_READS.get()).isPositive();
    }
}
