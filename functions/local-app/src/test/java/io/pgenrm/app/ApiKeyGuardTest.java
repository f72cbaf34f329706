package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With a key set, every route answers 401 until the request carries it, or the session cookie the login page gives
 * for it; a browser asking for a page without either is sent to the login page.
 */
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
    void theRewardEndpointsAnswer401WithoutTheKey() {
        String openRlhf = "{\"query\": [\"Hi? Hello.\"], \"prompts\": [\"Hi?\"], \"labels\": [\"u1\"]}";
        given().contentType(ContentType.JSON).body(openRlhf).post("/get_reward").then().statusCode(401)
                .body("error", containsString("API key"));
        given().contentType(ContentType.JSON).body("{\"items\": []}").post("/v1/rewards").then().statusCode(401);
        given().get("/v1/evaluations/ev-1").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY).body(openRlhf)
                .post("/get_reward").then().statusCode(200);
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

    @Test
    void aBrowserWithoutTheKeyIsSentToTheLoginPageWhichNeedsNoKey() {
        given().accept("text/html,application/xhtml+xml").redirects().follow(false).get("/runs/r1?outcome=tie")
                .then().statusCode(303).header("Location", "/login?next=%2Fruns%2Fr1%3Foutcome%3Dtie");
        given().get("/login").then().statusCode(200).body(containsString("name=\"key\""))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/assets/explorer.css").then().statusCode(200).contentType(containsString("text/css"));
        given().redirects().follow(false).get("/").then().statusCode(401);
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatIsNotTheKeyAndOpensEveryRoute() {
        Response signIn = given().redirects().follow(false).formParam("key", KEY).formParam("next", "/users")
                .post("/login");
        signIn.then().statusCode(303).header("Location", "/users");
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith(ApiKeyGuard.SESSION_COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/").doesNotContain(KEY);
        String session = signIn.cookie(ApiKeyGuard.SESSION_COOKIE);

        given().cookie(ApiKeyGuard.SESSION_COOKIE, session).get("/").then().statusCode(200)
                .body(containsString("Sign out"));
        given().cookie(ApiKeyGuard.SESSION_COOKIE, session).contentType(ContentType.JSON).body(BODY)
                .post("/resolveHistory").then().statusCode(200).body("userId", equalTo("u1")).body("pairs", equalTo(2));
    }

    @Test
    void aWrongKeyAForgedCookieOrALoginFromAnotherSiteOpensNothing() {
        given().redirects().follow(false).formParam("key", "wrong").post("/login").then().statusCode(401)
                .header("Set-Cookie", nullValue()).body(containsString("not this server&#39;s API key"));
        given().cookie(ApiKeyGuard.SESSION_COOKIE, KEY).get("/").then().statusCode(401);
        String session = given().redirects().follow(false).formParam("key", KEY).post("/login")
                .cookie(ApiKeyGuard.SESSION_COOKIE);
        given().cookie(ApiKeyGuard.SESSION_COOKIE, session.substring(1) + "0").get("/").then().statusCode(401);
        given().redirects().follow(false).header("Origin", "http://elsewhere.example").formParam("key", KEY)
                .post("/login").then().statusCode(403).header("Set-Cookie", nullValue());
    }

    @Test
    void signingOutClearsTheCookieAndTheLoginPageSendsOnlyToThisServer() {
        String session = given().redirects().follow(false).formParam("key", KEY).post("/login")
                .cookie(ApiKeyGuard.SESSION_COOKIE);
        given().redirects().follow(false).cookie(ApiKeyGuard.SESSION_COOKIE, session).post("/logout").then()
                .statusCode(303).header("Location", "/login").header("Set-Cookie", containsString("Max-Age=0"));
        given().redirects().follow(false).formParam("key", KEY).formParam("next", "//elsewhere.example/")
                .post("/login").then().statusCode(303).header("Location", "/");
    }
}
