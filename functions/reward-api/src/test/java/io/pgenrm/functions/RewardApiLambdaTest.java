package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invokes the rewardApi export through Quarkus' mock Lambda event server with function URL events (payload format
 * 2.0), as AWS sends them, on the local engine with an empty population (every user is a cold-start user).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RewardApiLambdaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "<|im_start|>user\nHow do I boil an egg?<|im_end|>\n<|im_start|>assistant\n";

    private static String event(String method, String path, String body, boolean base64) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("version", "2.0", "routeKey", "$default",
                "rawPath", path, "rawQueryString", "", "headers", Map.of("content-type", "application/json"),
                "requestContext", Map.of("accountId", "123456789012", "http", Map.of("method", method, "path", path,
                        "protocol", "HTTP/1.1", "sourceIp", "10.0.0.1", "userAgent", "python-requests")),
                "isBase64Encoded", base64));
        // AWS leaves the body out of a request without one.
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                    : body);
        }
        return JSON.writeValueAsString(event);
    }

    private static JsonNode invoke(String event) throws Exception {
        String output = given().contentType("application/json").accept("application/json").body(event)
                .when().post().then().statusCode(200).extract().asString();
        return JSON.readTree(output);
    }

    @Test
    void openRlhfsBodyThroughAFunctionUrlGetsOneRewardPerQueryInOrder() throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "query", List.of(PROMPT + "Boil it for 9 minutes.<|im_end|>",
                        PROMPT + "- Boil water\n- Add the egg\n- Cook 9 minutes\n- Cool it<|im_end|>"),
                "prompts", List.of(PROMPT, PROMPT), "labels", List.of("someone", "someone")));

        JsonNode response = invoke(event("POST", "/get_reward", body, true));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode answer = JSON.readTree(response.get("body").asText());
        assertThat(answer.get("rewards")).hasSize(2).allSatisfy(r -> assertThat(r.isNumber()).isTrue());
        assertThat(answer.get("extra_logs").get("cold_start")).containsExactly(JSON.valueToTree(1),
                JSON.valueToTree(1));
        assertThat(answer.get("evaluation_ids").get(0)).isEqualTo(answer.get("evaluation_ids").get(1));
    }

    @Test
    void invalidBodiesAndUnknownRoutesAnswerWithTheirStatusInsideTheEnvelope() throws Exception {
        JsonNode unknownField = invoke(event("POST", "/v1/rewards", "{\"items\": [], \"plan\": {\"n\": 2}}", false));
        assertThat(unknownField.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(unknownField.get("body").asText()).get("field").asText()).isEqualTo("plan.n");

        JsonNode missing = invoke(event("GET", "/v1/evaluations/ev-0", null, false));
        assertThat(missing.get("statusCode").asInt()).isEqualTo(404);

        JsonNode wrongMethod = invoke(event("GET", "/get_reward", null, false));
        assertThat(wrongMethod.get("statusCode").asInt()).isEqualTo(405);
    }

    @Test
    void anEventWithoutABodyIsAClientErrorNamingTheBody() throws Exception {
        given().contentType("application/json").body(event("POST", "/get_reward", null, false)).when().post()
                .then().statusCode(200).body("statusCode", equalTo(400));
    }
}
