package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.PopulationBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reward API over HTTP on the local engine, for users with history (eight users of the example file) and for
 * cold-start users, spoken to the way trainers do: OpenRLHF's body, our batch API, and verl's reward function file
 * run with python3.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RewardApiTest {
    private static final Path SAMPLE = Path.of("../../examples/personal-reward-bench-sample.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEA = chatMl("How should I brew green tea?");
    private static final String SLEEP = chatMl("Any tips to fall asleep faster?");
    private static final List<String> TEA_ANSWERS = List.of("Use water at about 80 C and steep for two minutes.",
            "- Heat water to 80 C\n- Steep 2 minutes\n- Do not squeeze the leaves",
            "Green tea is best brewed gently. Boiling water scorches the leaves and makes the cup bitter, so let the "
                    + "kettle cool for a few minutes first, then steep briefly and taste as you go.");
    private static final List<String> SLEEP_ANSWERS = List.of("Keep a fixed bedtime.",
            "- Same bedtime every day\n- No screens an hour before\n- Keep the room cool and dark");

    @Inject
    CurrentPopulation population;

    @Inject
    EvaluationSteps steps;

    private static String chatMl(String question) {
        return "<|im_start|>user\n" + question + "<|im_end|>\n<|im_start|>assistant\n";
    }

    /** Serves users u001-u008 of the example file, unless another test has put a different population in place. */
    @BeforeEach
    void serveEightUsersWithHistory() throws IOException {
        Map<String, UserHistory> eight = new TreeMap<>(BenchmarkDataset.load(SAMPLE).histories());
        eight.keySet().removeIf(id -> id.compareTo("u009") >= 0);
        if (population.get().users().keySet().equals(eight.keySet())) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            population.replace(PopulationBuilder.build(eight, steps, pool, 2, PopulationBuilder.PROTOTYPE_SEED)
                    .population());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Queries of users u001 and u004 and the unknown "newcomer", to two prompts, interleaved as a trainer sends them. */
    private static Map<String, List<String>> openRlhfBody() {
        List<String> query = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String user : List.of("u001", "u004", "newcomer")) {
            for (String answer : TEA_ANSWERS) {
                query.add(TEA + answer + "<|im_end|>");
                prompts.add(TEA);
                labels.add(user);
            }
            for (String answer : SLEEP_ANSWERS) {
                query.add(SLEEP + answer + "<|im_end|>");
                prompts.add(SLEEP);
                labels.add(user);
            }
        }
        return Map.of("query", query, "prompts", prompts, "labels", labels);
    }

    @Test
    void openRlhfsBodyGetsARewardAndScorePerQueryInInputOrderForKnownAndColdStartUsers() {
        Map<String, List<String>> body = openRlhfBody();
        int n = body.get("query").size();

        JsonPath answer = given().contentType(ContentType.JSON).body(body).post("/get_reward").then().statusCode(200)
                .body("rewards", hasSize(n)).body("scores", hasSize(n))
                .body("extra_logs.failed", hasSize(n)).body("extra_logs.tie", hasSize(n))
                .body("extra_logs.cached", hasSize(n)).body("extra_logs.cold_start", hasSize(n))
                .extract().jsonPath();

        List<Float> rewards = answer.getList("rewards", Float.class);
        assertThat(rewards).doesNotContainNull();
        assertThat(answer.getList("scores", Float.class)).allSatisfy(s -> assertThat(s).isBetween(0f, 1f));
        assertThat(answer.getList("extra_logs.failed", Integer.class)).containsOnly(0);
        assertThat(answer.getList("extra_logs.cold_start", Integer.class))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        // Each user's three tea answers were judged as one group, their two sleep answers as another.
        List<String> ids = answer.getList("evaluation_ids", String.class);
        assertThat(ids.subList(0, 3)).containsOnly(ids.get(0));
        assertThat(ids.subList(3, 5)).containsOnly(ids.get(3)).doesNotContain(ids.get(0));
        assertThat(new java.util.HashSet<>(ids)).hasSize(6);
        // The two users with history do not rank the tea answers the same way for nothing: each has their own.
        assertThat(rewards.subList(0, 3)).isNotEqualTo(rewards.subList(5, 8));

        List<String> reversedQuery = new ArrayList<>(body.get("query"));
        List<String> reversedPrompts = new ArrayList<>(body.get("prompts"));
        List<String> reversedLabels = new ArrayList<>(body.get("labels"));
        Collections.reverse(reversedQuery);
        Collections.reverse(reversedPrompts);
        Collections.reverse(reversedLabels);
        JsonPath reversed = given().contentType(ContentType.JSON)
                .body(Map.of("query", reversedQuery, "prompts", reversedPrompts, "labels", reversedLabels))
                .post("/get_reward").then().statusCode(200).extract().jsonPath();
        List<Float> expected = new ArrayList<>(rewards);
        Collections.reverse(expected);
        assertThat(reversed.getList("rewards", Float.class)).containsExactlyElementsOf(expected);
        assertThat(reversed.getList("extra_logs.cached", Integer.class)).containsOnly(1);
    }

    @Test
    void aQueryThatDoesNotHoldItsPromptIsFlaggedAsFailedWithNullRewardNeverZero() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", List.of(TEA + TEA_ANSWERS.get(0), "no prompt in here", TEA + TEA_ANSWERS.get(1)),
                        "prompts", List.of(TEA, TEA, TEA), "labels", List.of("u002", "u002", "u002")))
                .post("/get_reward").then().statusCode(200)
                .body("rewards[0]", notNullValue()).body("rewards[1]", nullValue()).body("scores[1]", nullValue())
                .body("extra_logs.failed", equalTo(List.of(0, 1, 0)))
                .body("errors[1]", containsString("does not contain its prompts entry"));
    }

    @Test
    void batchApiAnswersPerResponseWithScoreEvaluationAndCostAndKeepsTheChains() {
        String body = """
                {"items": [
                  {"id": "a", "user_id": "u003", "prompt": [{"role": "user", "content": "How should I brew green tea?"}],
                   "responses": %s},
                  {"id": "b", "history": [{"context": [{"role": "user", "content": "How do I make tea?"}],
                     "chosen": "- Boil water\\n- Steep 3 minutes", "rejected": "Boil water and steep it for a while."}],
                   "prompt": [{"role": "user", "content": "How should I brew green tea?"}], "responses": %s}],
                 "plan": {"ind": 2, "pro": 2}}""".formatted(json(TEA_ANSWERS), json(TEA_ANSWERS));

        JsonPath answer = given().contentType(ContentType.JSON).body(body).post("/v1/rewards").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].id", equalTo("a")).body("items[0].user_id", equalTo("u003"))
                .body("items[0].rewards", hasSize(3)).body("items[0].error", nullValue())
                .body("items[1].user_id", containsString("inline-"))
                .body("evaluations", hasSize(2)).body("evaluations[0].plan", equalTo("Ind-2/Pro-2"))
                .body("evaluations[0].cold_start", equalTo(false))
                .body("usage.evaluations", equalTo(2))
                .extract().jsonPath();

        assertThat(answer.getList("items[0].rewards.reward", Float.class)).doesNotContainNull();
        assertThat(answer.getInt("items[0].cost.calls")).isPositive();
        String id = answer.getString("items[0].rewards[0].evaluation_id");
        given().get("/v1/evaluations/" + id).then().statusCode(200)
                .body("user_id", equalTo("u003")).body("rewards", hasSize(3)).body("chains", hasSize(4));
        given().get("/v1/evaluations/ev-unknown").then().statusCode(404).body("error", containsString("ev-unknown"));
    }

    @Test
    void oversizedOrInvalidRequestsAre413Or400NamingTheField() {
        String huge = "x".repeat(70_000);
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("user_id", "u1",
                "prompt", List.of(Map.of("role", "user", "content", "q")), "responses", List.of("a", huge)))))
                .post("/v1/rewards").then().statusCode(413).body("field", equalTo("items[0].responses[1]"));
        given().contentType(ContentType.JSON).body(Map.of("query", List.of(TEA + huge), "prompts", List.of(TEA),
                "labels", List.of("u1"))).post("/get_reward").then().statusCode(413).body("field", equalTo("query[0]"));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("user_id", "u1",
                "prompt", List.of(Map.of("role", "user", "content", "q")), "responses", List.of("a", "b"))),
                "plan", Map.of("ind", 17))).post("/v1/rewards").then().statusCode(400)
                .body("field", equalTo("plan.ind"));
        given().contentType(ContentType.JSON).body(Map.of("query", List.of("q a"), "prompts", List.of("q"),
                "labels", List.of("u1"), "metas", List.of(Map.of()))).post("/get_reward").then().statusCode(400)
                .body("field", equalTo("metas")).body("error", containsString("unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("query", List.of("q a", "q b"), "prompts", List.of("q")))
                .post("/get_reward").then().statusCode(400).body("field", equalTo("prompts"));
        given().contentType(ContentType.JSON).body("{not json").post("/get_reward").then().statusCode(400)
                .body("field", equalTo("body"));
    }

    @Test
    void anOpenRlhfShapedClientGetsWhatOpenRlhfReads() throws Exception {
        Map<String, Object> job = new java.util.HashMap<>(openRlhfBody());
        job.put("url", "http://localhost:" + RestAssured.port + "/get_reward");

        JsonNode answer = python(Path.of("src/test/resources/openrlhf_client.py"), JSON.writeValueAsString(job),
                Map.of());

        assertThat(answer.get("rewards")).hasSize(15);
        assertThat(answer.get("extra_logs").get("failed")).allSatisfy(flag -> assertThat(flag.asInt()).isZero());
    }

    @Test
    void verlsRewardFunctionFileGetsOneRewardPerResponseFromTheServer() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String user : List.of("u005", "newcomer")) {
            for (String answer : SLEEP_ANSWERS) {
                rows.add(Map.of("data_source", "prism", "solution_str", answer, "ground_truth", user,
                        "extra_info", Map.of("prompt", "Any tips to fall asleep faster?")));
            }
        }
        Map<String, String> env = Map.of("PGENRM_URL", "http://localhost:" + RestAssured.port);

        JsonNode rewards = python(Path.of("../../examples/verl_pgenrm_reward.py"), JSON.writeValueAsString(rows), env);
        JsonNode scores = python(Path.of("../../examples/verl_pgenrm_reward.py"), JSON.writeValueAsString(rows),
                Map.of("PGENRM_URL", env.get("PGENRM_URL"), "PGENRM_VALUE", "score"));

        assertThat(rewards).hasSize(4);
        assertThat(rewards).allSatisfy(r -> assertThat(r.isNumber()).isTrue());
        assertThat(scores).allSatisfy(s -> assertThat(s.asDouble()).isBetween(0.0, 1.0));
        assertThat(scores.get(0).asDouble()).isEqualTo((rewards.get(0).asDouble() - 1) / 9, org.assertj.core.api
                .Assertions.within(1e-9));
    }

    @Test
    void verlsRewardFunctionSignsTheDocumentedSigV4Example() throws Exception {
        String check = """
                import datetime, sys
                sys.path.insert(0, "../../examples")
                import verl_pgenrm_reward as r
                h = r.sigv4_headers("GET", "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
                    {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, b"", "us-east-1", "iam",
                    "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None,
                    datetime.datetime(2015, 8, 30, 12, 36, 0))
                print('"' + h["Authorization"] + '"')
                """;
        JsonNode authorization = python(null, check, Map.of());

        // The signature the AWS Signature Version 4 documentation publishes for this request.
        assertThat(authorization.asText()).endsWith(
                "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code script} (or {@code stdin} as the program when null) with python3 and reads its output as JSON. */
    private static JsonNode python(Path script, String stdin, Map<String, String> env) throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0,
                "python3 is not installed");
        ProcessBuilder builder = script == null ? new ProcessBuilder("python3", "-")
                : new ProcessBuilder("python3", script.toString());
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 %s exit status; output: %s", script, out).isZero();
        return JSON.readTree(out);
    }
}
