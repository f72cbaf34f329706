package io.pgenrm.app.explorer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The explorer's pages over a run of 10,000 items in the real (embedded) PostgreSQL. Its items are copies of ten
 * stored template items (four correct, three incorrect, a tie, an unscored and a failed one), item {@code g} a copy
 * of template {@code g % 10} with its own user ({@code g % 97}) and history length ({@code g % 23}), so what every
 * filter must list is known without asking the database.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ChainExplorerPagesTest {
    static final String RUN = "explorer-10k";
    static final int ITEMS = 10_000;
    private static final String TEMPLATES = "explorer-templates";
    private static final ScalingPlan PLAN = new ScalingPlan(2, 2, 0.5, 0.5);
    private static final Pattern ITEM_LINK = Pattern.compile("class=\"item-link\" href=\"[^\"]*\">([^<]+)</a>");
    private static final Pattern BADGE = Pattern.compile("<span class=\"badge o-[a-z]+\">([a-z]+)</span>");
    private static List<ItemOutcome> templates;

    @Inject
    RunStore runs;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void storeTheRunOnce() throws Exception {
        if (templates != null) {
            return;
        }
        runs.openRun(new RunInfo(TEMPLATES, "templates.jsonl", "llm", PLAN));
        List<ItemOutcome> stored = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            String itemId = "template-" + t;
            ItemOutcome outcome;
            EvaluationResult result = null;
            if (t == 9) {
                outcome = ItemOutcome.failed(TEMPLATES, itemId, "u", 0, "InferenceCallException: HTTP 503 after 4 attempts");
            } else {
                // Leans: 0-3 towards the user's choice, 4-6 against it, 7 none (a tie), 8 every sample failed.
                double lean = t < 4 ? 0.5 + t : t < 7 ? -(t - 3) * 0.7 : 0;
                ScalingPlan plan = t == 7 ? ScalingPlan.of(1, 0) : t == 8 ? ScalingPlan.of(0, 2) : PLAN;
                result = StoredChains.result("u", lean, plan, t == 8 ? 2 : 0);
                outcome = ItemOutcome.of(TEMPLATES, itemId, "u", 0, 0, result);
            }
            runs.recordItem(outcome, result, StoredChains.SCENARIO);
            stored.add(outcome);
        }
        assertThat(stored).extracting(ItemOutcome::status).containsExactly(ItemStatus.CORRECT, ItemStatus.CORRECT,
                ItemStatus.CORRECT, ItemStatus.CORRECT, ItemStatus.INCORRECT, ItemStatus.INCORRECT,
                ItemStatus.INCORRECT, ItemStatus.TIE, ItemStatus.UNSCORED, ItemStatus.FAILED);

        runs.openRun(new RunInfo(RUN, "seeded-10k.jsonl", "llm", PLAN));
        pool.preparedQuery("""
                insert into batch_items (run_id, item_id, user_id, status, outcome_json, result_json, scenario_json)
                select $1, n.item, n.usr, t.status,
                       jsonb_set(jsonb_set(jsonb_set(jsonb_set(t.outcome_json::jsonb, '{runId}', to_jsonb($1::text)),
                           '{itemId}', to_jsonb(n.item)), '{userId}', to_jsonb(n.usr)),
                           '{historySize}', to_jsonb(g % 23))::text,
                       t.result_json, t.scenario_json
                from generate_series(0, $3 - 1) g
                cross join lateral (select 'item-' || lpad(g::text, 5, '0') as item, 'user-' || (g % 97) as usr) n
                join batch_items t on t.run_id = $2 and t.item_id = 'template-' || (g % 10)
                """).execute(Tuple.of(RUN, TEMPLATES, ITEMS)).await().indefinitely();
        AccuracyReport report = AccuracyReport.of(new RunInfo(RUN, "seeded-10k.jsonl", "llm", PLAN),
                runs.outcomes(RUN), List.of(), 0, 60_000);
        runs.closeRun(RUN, json.writeValueAsString(report));
        templates = stored;
    }

    @Test
    void theIncorrectFilterListsExactlyTheRunsIncorrectItemsPageByPage() {
        Set<String> expected = expected(g -> templates.get(g % 10).status() == ItemStatus.INCORRECT);
        assertThat(expected).hasSize(3_000);

        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 15; page++) {
            String html = given().get("/runs/" + RUN + "?outcome=incorrect&size=200&page=" + page).then()
                    .statusCode(200).body(containsString("<strong id=\"matching\">3,000</strong>"))
                    .extract().asString();
            assertThat(all(BADGE, html)).hasSize(200).containsOnly("incorrect");
            listed.addAll(all(ITEM_LINK, html));
        }

        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(new TreeSet<>(expected));
    }

    @Test
    void userHistoryAndMarginFiltersListWhatTheyName() {
        double templateMargin = 0.5;
        Set<String> expected = expected(g -> g % 97 == 5 && g % 23 >= 3 && g % 23 <= 10
                && margin(templates.get(g % 10)) != null && margin(templates.get(g % 10)) >= templateMargin);
        assertThat(expected).isNotEmpty();

        String html = given().get("/runs/" + RUN + "?user=user-5&minHistory=3&maxHistory=10&minMargin=0.5&size=200")
                .then().statusCode(200).extract().asString();

        assertThat(all(ITEM_LINK, html)).containsExactlyElementsOf(new TreeSet<>(expected));
        assertThat(html).contains("<strong id=\"matching\">" + expected.size() + "</strong>");
    }

    @Test
    void pagesAreFixedSlicesAndAPagePastTheEndShowsTheLastOne() {
        String page200 = given().get("/runs/" + RUN + "?page=200").then().statusCode(200)
                .body(containsString("page 200 of 200")).extract().asString();
        assertThat(all(ITEM_LINK, page200)).hasSize(50).startsWith("item-09950").endsWith("item-09999");
        assertThat(page200).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        given().get("/runs/" + RUN + "?page=999").then().statusCode(200).body(containsString("page 200 of 200"));
        String first = given().get("/runs/" + RUN).then().statusCode(200).extract().asString();
        assertThat(all(ITEM_LINK, first)).hasSize(50).startsWith("item-00000");
        assertThat(first).contains("incorrect <span class=\"count\">3,000</span>")
                .contains("failed <span class=\"count\">1,000</span>");
    }

    @Test
    void theRunsPageShowsPlanAccuracyWithItsIntervalFailuresCostAndTheReport() {
        AccuracyReport report = report();
        String interval = Numbers.interval(report.strict());

        given().get("/").then().statusCode(200)
                .body(containsString("href=\"/runs/" + RUN + "\">" + RUN + "</a>"))
                .body(containsString("Ind-2/Pro-2"))
                .body(containsString("40.00%"))
                .body(containsString(interval))
                .body(containsString("1000 unscored<br>1000 failed"))
                .body(containsString("href=\"/runs/" + RUN + "/report\""));
        given().get("/runs/" + RUN + "/report").then().statusCode(200)
                .body(containsString("ties and failures left out"))
                .body(containsString(Numbers.interval(report.excludingTiesAndFailures())));
        given().get("/runs/" + RUN + "/report.json").then().statusCode(200).contentType("application/json")
                .body("items", org.hamcrest.Matchers.equalTo(ITEMS));
    }

    @Test
    void anItemShowsItsConversationTheCandidatesAndEveryChainWithPersonaRubricAndScores() {
        String html = given().get("/runs/" + RUN + "/items/item-00004").then().statusCode(200).extract().asString();

        assertThat(html).contains("How do I keep basil alive indoors?")
                .contains("Give it a sunny window").contains("## Light")
                .contains("Own samples (Ind-N)").contains("Neighbours' samples (Pro-M)").contains("2 of 2 scored")
                .contains("Own sample 1").contains("Neighbour neighbour-1, sample 2")
                .contains("Short, plain answers").contains("chose the 3-line recipe over the 12-line one")
                .contains("Brevity").contains("60.0%").contains("Practicality").contains("40.0%")
                .contains("class=\"num score h")
                .contains("Raw judge output").contains("&lt;analysis&gt;The user keeps choosing short")
                .contains("w<sub>self</sub> = 0.50")
                .contains(">incorrect</span>");
        assertThat(all(Pattern.compile("<code>([AB]: \\([^<]+)</code>"), html)).hasSize(2)
                .allSatisfy(formula -> assertThat(formula).contains(" / 1.00 = "));

        given().get("/runs/" + RUN + "/items/item-00009").then().statusCode(200)
                .body(containsString("HTTP 503 after 4 attempts"))
                .body(containsString("No result was stored for this item"));
    }

    @Test
    void unknownRunsAndItemsAre404AndUnreadableFilterValuesAreNamed() {
        given().get("/runs/no-such-run").then().statusCode(404).body(containsString("No run no-such-run"));
        given().get("/runs/" + RUN + "/items/no-such-item").then().statusCode(404)
                .body(containsString("has no item no-such-item"));
        given().get("/runs/" + RUN + "?minHistory=many&outcome=great").then().statusCode(400)
                .body(containsString("minimum history &#39;many&#39; is not a whole number"))
                .body(containsString("outcome &#39;great&#39; is none of"))
                .body(containsString("10,000</strong>"));
    }

    @Test
    void tryItEvaluatesANewPairForAnInlineUserAndShowsTheChain() {
        given().get("/try").then().statusCode(200).body(containsString("id=\"try-form\""));

        String html = given().formParam("who", "inline").formParam("inlineUser", "new-user")
                .formParam("history", "[{\"context\": [{\"role\": \"user\", \"content\": \"How do I make tea?\"}], "
                        + "\"chosen\": \"- Boil water\\n- Steep 3 minutes\", \"rejected\": \"Boil water and steep "
                        + "the tea for a few minutes.\"}]")
                .formParam("prompt", "How do I boil an egg?").formParam("first", "Boil it for 9 minutes.")
                .formParam("second", "- Bring water to a boil\n- Add the egg\n- Cook 9 minutes")
                .formParam("ind", "2").formParam("pro", "0")
                .header("X-Requested-With", "explorer")
                .post("/try").then().statusCode(200).extract().asString();

        assertThat(html).contains("class=\"verdict\">prefers").contains("persona of new-user")
                .contains("Own sample 2").contains("Weighted total").contains("2 of 2 scored")
                .doesNotContain("<html");
    }

    @Test
    void tryItNamesWhatIsWrongWithTheFormAndRefusesFormsFromOtherSites() {
        given().formParam("who", "inline").formParam("inlineUser", "x").formParam("history", "not json")
                .formParam("prompt", "p").formParam("first", "a").formParam("second", "b")
                .formParam("ind", "1").formParam("pro", "0")
                .post("/try").then().statusCode(400).body(containsString("history: is not a JSON list"))
                .body(containsString("<html"));
        given().header("Origin", "http://elsewhere.example").formParam("who", "stored").formParam("user", "u")
                .post("/try").then().statusCode(403).body(not(containsString("Verdict")));
    }

    private static Set<String> expected(java.util.function.IntPredicate item) {
        Set<String> ids = new HashSet<>();
        for (int g = 0; g < ITEMS; g++) {
            if (item.test(g)) {
                ids.add(String.format("item-%05d", g));
            }
        }
        return ids;
    }

    private static Double margin(ItemOutcome outcome) {
        return outcome.rewards().size() < 2 ? null : Math.abs(outcome.rewards().get(0) - outcome.rewards().get(1));
    }

    private AccuracyReport report() {
        String text = pool.preparedQuery("select report_json from batch_runs where run_id = $1")
                .execute(Tuple.of(RUN)).await().indefinitely().iterator().next().getString("report_json");
        try {
            return json.readValue(text, AccuracyReport.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
