package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.pgenrm.runtime.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a key set, every route answers 401 until the request carries it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@TestProfile(ApiKeyGuardTest.WithKey.class)
class ApiKeyGuardTest {
    static final String KEY = "test-key-4f1c";
    private static final String BODY = "{\"userId\": \"u1\", \"history\": " + FunctionsOverHttpTest.HISTORY + "}";

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.api-key", KEY);
        }
    }

    @Test
    void requestsWithoutTheKeyGet401AndReachNoFunction() {
        given().contentType(ContentType.JSON).body(BODY).post("/resolveHistory").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("error", containsString("API key"));
        given().contentType(ContentType.JSON).header(ApiKeyGuard.HEADER, "wrong").body(BODY)
                .post("/resolveHistory").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY + "x").body(BODY)
                .post("/resolveHistory").then().statusCode(401);
        given().get("/no-such-route").then().statusCode(401);
    }

    @Test
    void theKeyInEitherHeaderIsLetThrough() {
        given().contentType(ContentType.JSON).header(ApiKeyGuard.HEADER, KEY).body(BODY)
                .post("/resolveHistory").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY).body(BODY)
                .post("/resolveHistory").then().statusCode(200);
    }

    @Test
    void withoutAKeyEveryRequestIsAccepted() {
        ApiKeyGuard open = new ApiKeyGuard(Optional.empty());
        assertThat(open.accepts(null)).isTrue();
        ApiKeyGuard closed = new ApiKeyGuard(Optional.of(KEY));
        assertThat(closed.accepts(null)).isFalse();
        assertThat(closed.accepts("")).isFalse();
        assertThat(closed.accepts(KEY)).isTrue();
    }
}
