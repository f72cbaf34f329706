package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgenrm.postgres.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chain explorer as a new user meets it, in a real browser: a batch is evaluated with the packaged app, a run of
 * 10,000 items is stored beside it (copies of the batch's items, so every page has real chains), {@code pgenrm serve}
 * starts with an API key, and headless Chromium signs in, then loads every page, follows links, filters, opens an
 * item, clicks a user on the map and submits Try it. After every page: no console error and no request to another
 * host. A screenshot of each page goes to {@code target/explorer-screenshots/}, and each page's load time to
 * {@code target/explorer-timings.json} (read by {@code infra/bench/explorer-pages.sh}; nothing here asserts on time).
 *
 * <p>Chromium and its driver come from Debian through {@code infra/browser/ensure-chromium.sh}, run first: when they
 * cannot be installed, this fails instead of being skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainExplorerBrowserIT {
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path SAMPLE = ROOT.resolve("examples/personal-reward-bench-sample.jsonl");
    private static final Path SHOTS = Path.of("target", "explorer-screenshots").toAbsolutePath();
    private static final Path TIMINGS = Path.of("target", "explorer-timings.json").toAbsolutePath();
    private static final String SEEDED = "seeded-10k";
    private static final int SEEDED_ITEMS = 10_000;
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static EmbeddedPostgres database;
    private static Process serve;
    private static ChromeDriver browser;
    private static String base;
    private static String realRun;
    private static List<String> realStatuses;
    private static final Map<String, Map<String, Double>> timings = new LinkedHashMap<>();

    @BeforeAll
    static void evaluateABatchStoreTenThousandItemsServeAndSignIn() throws Exception {
        ensureChromium();
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        database = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());

        // A tenth of the sample's users: a batch of about 40 items with real chains and a population with prototypes.
        Path batch = Files.write(work.resolve("batch.jsonl"), Files.readAllLines(SAMPLE).subList(0, 150));
        Process evaluate = app("evaluate", Map.of(), "evaluate", batch.toString(), "--ind", "2", "--pro", "2",
                "--report", work.resolve("report.json").toString());
        assertThat(evaluate.waitFor(5, TimeUnit.MINUTES)).as(log("evaluate")).isTrue();
        assertThat(evaluate.exitValue()).as(log("evaluate")).isZero();
        seedTenThousandItems();

        String key = UUID.randomUUID().toString();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        serve = app("serve", Map.of("PGENRM_API_KEY", key, "PGENRM_HTTP_PORT", Integer.toString(port)), "serve");
        awaitListening();

        browser = chromium();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).as("a browser without the key is sent to sign in")
                .startsWith(base + "/login");
        screenshot("login");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitPath("/");
    }

    @AfterEach
    void noConsoleErrorAndNoRequestToAnotherHost() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
        List<String> elsewhere = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    String url = message.path("params").path("request").path("url").asText();
                    if (!url.startsWith(base + "/") && !url.startsWith("data:")) {
                        elsewhere.add(url);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable performance log entry", e);
            }
        }
        assertThat(elsewhere).as("requests to other hosts").isEmpty();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (!timings.isEmpty()) {
            Files.writeString(TIMINGS, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(timings));
        }
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theRunsPageListsBothRunsWithPlanAccuracyIntervalAndReport() throws Exception {
        JsonNode report = JSON.readTree(work.resolve("report.json").toFile()).path("plans").get(0).path("runs").get(0);
        String interval = String.format(Locale.ROOT, "[%.2f, %.2f]",
                100 * report.path("strict").path("lower").asDouble(), 100 * report.path("strict").path("upper").asDouble());

        open("/", "runs");

        assertThat(browser.findElements(By.cssSelector("table.runs tbody tr"))).hasSize(2);
        screenshot("runs");
        WebElement real = row(realRun);
        assertThat(real.getText()).contains("Ind-2/Pro-2").contains("finished").contains(interval)
                .contains(String.format(Locale.ROOT, "%.2f%%", 100 * report.path("accuracy").asDouble()));
        assertThat(row(SEEDED).getText()).contains("10,000").contains("not finished");
        real.findElement(By.className("report-link")).click();
        awaitPath("/runs/" + realRun + "/report");
        record("report");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ties and failures left out")
                .contains(interval);
    }

    @Test
    @Order(2)
    void theIncorrectFilterOnTenThousandItemsShowsExactlyTheIncorrectOnes() {
        long incorrect = seededCount("INCORRECT");
        open("/", "runs");
        row(SEEDED).findElement(By.className("run-link")).click();
        awaitPath("/runs/" + SEEDED);
        record("seeded items");
        assertThat(browser.findElement(By.id("matching")).getText()).isEqualTo("10,000");

        new Select(browser.findElement(By.id("outcome"))).selectByValue("incorrect");
        browser.findElement(By.id("apply")).click();
        awaitQuery("outcome=incorrect");
        record("seeded incorrect");
        assertThat(browser.getCurrentUrl()).as("empty filter fields stay out of the address")
                .endsWith("/runs/" + SEEDED + "?outcome=incorrect&order=item");
        assertThat(browser.findElement(By.id("matching")).getText()).isEqualTo(String.format("%,d", incorrect));
        assertThat(badges()).hasSize(50).containsOnly("incorrect");

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        awaitQuery("page=2");
        record("seeded incorrect page 2");
        assertThat(badges()).hasSize(50).containsOnly("incorrect");

        open("/runs/" + SEEDED + "?order=margin-desc&page=150", "seeded page 150 by margin");
        assertThat(browser.findElements(By.className("item-row"))).hasSize(50);
    }

    @Test
    @Order(3)
    void theRealRunsIncorrectItemsAreExactlyItsIncorrectOnesAndAnItemShowsItsWholeChain() {
        open("/", "runs");
        row(realRun).findElement(By.className("run-link")).click();
        awaitPath("/runs/" + realRun);
        browser.findElement(By.cssSelector("a.tab.o-incorrect")).click();
        awaitQuery("outcome=incorrect");
        record("items");
        Set<String> shown = new HashSet<>();
        browser.findElements(By.className("item-link")).forEach(link -> shown.add(link.getText()));
        assertThat(shown).isEqualTo(realItems("INCORRECT"));
        screenshot("items");

        browser.findElements(By.className("item-link")).get(0).click();
        new WebDriverWait(browser, PAGE_WAIT).until(d -> d.getCurrentUrl().contains("/items/"));
        record("item");
        assertThat(browser.findElements(By.cssSelector(".conversation .message"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".responses .candidate"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".samples.own h2")).getText()).contains("Own samples");
        assertThat(browser.findElement(By.cssSelector(".samples.theirs h2")).getText()).contains("Neighbours' samples");
        assertThat(browser.findElements(By.cssSelector(".samples.own .chain"))).hasSize(2);
        WebElement chain = browser.findElement(By.cssSelector(".samples.own .chain"));
        assertThat(chain.findElements(By.cssSelector("ul.traits > li"))).isNotEmpty();
        assertThat(chain.findElements(By.cssSelector("ul.evidence li"))).isNotEmpty();
        assertThat(chain.findElements(By.cssSelector("table.heat tbody tr"))).isNotEmpty();
        assertThat(chain.findElements(By.cssSelector("table.heat td.score"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".formulas li"))).hasSize(2);
        WebElement raw = chain.findElement(By.cssSelector("details.raw"));
        assertThat(raw.getAttribute("open")).isNull();
        raw.findElement(By.tagName("summary")).click();
        assertThat(raw.getAttribute("open")).isNotNull();
        assertThat(raw.findElement(By.cssSelector("p, pre")).isDisplayed()).isTrue();
        screenshot("item");
    }

    @Test
    @Order(4)
    void clickingAUserOnTheMapShowsTheirPersonaHistoryAndNeighbours() {
        open("/", "runs");
        browser.findElement(By.linkText("Users and prototypes")).click();
        awaitPath("/users");
        record("users");
        List<WebElement> dots = browser.findElements(By.cssSelector("#user-map a.user-dot"));
        assertThat(dots).hasSize(usersWithEmbedding());
        // The last dot is drawn on top of any it overlaps, so a click on it reaches it.
        WebElement dot = dots.get(dots.size() - 1);
        String user = dot.getAttribute("data-user");
        dot.findElement(By.tagName("circle")).click();
        WebElement panel = new WebDriverWait(browser, PAGE_WAIT).until(
                d -> d.findElements(By.cssSelector("#user-panel section.user[data-user='" + user + "']")).stream()
                        .findFirst().orElse(null));
        assertThat(panel.findElement(By.className("history-size")).getText()).matches("\\d+ past pairs");
        assertThat(panel.getText()).contains("Persona").contains("Neighbours");
        assertThat(panel.findElements(By.cssSelector("ul.traits > li"))).isNotEmpty();
        assertThat(panel.findElements(By.cssSelector("table.neighbours tbody tr"))).isNotEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/users?user=" + user);
        screenshot("users");
    }

    @Test
    @Order(5)
    void tryItEvaluatesANewPairAndShowsTheChainAsItComesBack() {
        open("/", "runs");
        browser.findElement(By.linkText("Try it")).click();
        awaitPath("/try");
        record("try");
        assertThat(browser.findElement(By.id("try-user")).getAttribute("value")).isNotBlank();
        browser.findElement(By.id("try-submit")).click();
        WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                d -> d.findElements(By.cssSelector("#try-result .verdict")).stream().findFirst().orElse(null));
        assertThat(verdict.getText()).matches("prefers [AB]|tie");
        assertThat(browser.findElements(By.cssSelector("#try-result .samples.own .chain"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#try-result .samples.theirs .chain"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#try-result ul.traits > li"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#try-result table.heat td.score"))).isNotEmpty();
        assertThat(browser.findElement(By.id("try-status")).getText()).startsWith("Evaluated in");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('try-submit').scrollIntoView()");
        screenshot("try");
    }

    @Test
    @Order(6)
    void everyPageLoadsAgainFromTheWarmServer() {
        open("/runs/" + SEEDED + "/items/copy-09999", "seeded item");
        assertThat(browser.findElements(By.cssSelector(".samples .chain"))).isNotEmpty();
        // First visits pay for loading the population and warming the JVM; a second visit shows the steady cost.
        List<String> visited = timings.keySet().stream().map(page -> page.substring(page.indexOf(" /") + 1))
                .distinct().toList();
        for (String url : visited) {
            open(url, "again");
        }
    }

    // --- the app, the database and the browser

    private static void ensureChromium() throws Exception {
        Process ensure = new ProcessBuilder("bash", ROOT.resolve("infra/browser/ensure-chromium.sh").toString())
                .redirectErrorStream(true).start();
        String output = new String(ensure.getInputStream().readAllBytes());
        assertThat(ensure.waitFor(10, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(ensure.exitValue()).as("infra/browser/ensure-chromium.sh must install chromium: " + output).isZero();
    }

    private static ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(which("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(which("chromedriver"))).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String which(String command) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + command).start();
        String path = new String(which.getInputStream().readAllBytes()).strip();
        assertThat(which.waitFor()).as(command + " on the PATH").isZero();
        return path;
    }

    private static Process app(String name, Map<String, String> extra, String... arguments) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", APP.toString()));
        builder.command().addAll(List.of(arguments));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PGENRM_") || k.startsWith("QUARKUS_"));
        env.put("PGENRM_DB_URL", database.reactiveUrl());
        env.put("PGENRM_DB_USER", database.user());
        env.put("PGENRM_DB_PASSWORD", database.password());
        env.putAll(extra);
        return builder.directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    private static String log(String name) {
        try {
            return Files.readString(work.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void awaitListening() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(serve.isAlive()).as(log("serve")).isTrue();
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve did not answer in 2 minutes: " + log("serve"));
    }

    /**
     * The batch's items copied 10,000 times into a second run, item {@code g} a copy of item {@code g mod n}: real
     * outcomes, chains and scenarios, with the personas' embedding vectors left out as a real run of this size
     * would still hold about 15 kB of chains per item.
     */
    private static void seedTenThousandItems() throws Exception {
        try (Connection db = connect()) {
            try (ResultSet runs = db.createStatement().executeQuery("select run_id from batch_runs")) {
                assertThat(runs.next()).as("the evaluated run").isTrue();
                realRun = runs.getString(1);
            }
            db.createStatement().execute("create temporary table templates (k integer, user_id text, status text, "
                    + "outcome_json text, result_json text, scenario_json text)");
            List<String> statuses = new ArrayList<>();
            try (PreparedStatement read = db.prepareStatement("select user_id, status, outcome_json, result_json, "
                    + "scenario_json from batch_items where run_id = ? order by item_id");
                    PreparedStatement write = db.prepareStatement("insert into templates values (?, ?, ?, ?, ?, ?)")) {
                read.setString(1, realRun);
                try (ResultSet items = read.executeQuery()) {
                    while (items.next()) {
                        write.setInt(1, statuses.size());
                        write.setString(2, items.getString(1));
                        write.setString(3, items.getString(2));
                        write.setString(4, items.getString(3));
                        write.setString(5, withoutEmbeddings(items.getString(4)));
                        write.setString(6, items.getString(5));
                        write.addBatch();
                        statuses.add(items.getString(2));
                    }
                }
                write.executeBatch();
            }
            realStatuses = statuses;
            try (PreparedStatement run = db.prepareStatement("insert into batch_runs (run_id, input, backend, "
                    + "scaling_json, status) select ?, 'seeded-10k.jsonl', backend, scaling_json, 'RUNNING' "
                    + "from batch_runs where run_id = ?")) {
                run.setString(1, SEEDED);
                run.setString(2, realRun);
                run.executeUpdate();
            }
            try (PreparedStatement items = db.prepareStatement("""
                    insert into batch_items (run_id, item_id, user_id, status, outcome_json, result_json, scenario_json)
                    select ?, n.item, t.user_id, t.status,
                           jsonb_set(jsonb_set(t.outcome_json::jsonb, '{runId}', to_jsonb(?::text)), '{itemId}',
                               to_jsonb(n.item))::text, t.result_json, t.scenario_json
                    from generate_series(0, ? - 1) g
                    cross join lateral (select 'copy-' || lpad(g::text, 5, '0') as item) n
                    join templates t on t.k = g % ?""")) {
                items.setString(1, SEEDED);
                items.setString(2, SEEDED);
                items.setInt(3, SEEDED_ITEMS);
                items.setInt(4, statuses.size());
                assertThat(items.executeUpdate()).isEqualTo(SEEDED_ITEMS);
            }
            db.createStatement().execute("analyze batch_items");
        }
    }

    private static String withoutEmbeddings(String resultJson) throws IOException {
        if (resultJson == null) {
            return null;
        }
        JsonNode result = JSON.readTree(resultJson);
        for (JsonNode chain : result.path("chains")) {
            if (chain.path("persona") instanceof ObjectNode persona) {
                persona.remove("embedding");
            }
        }
        return JSON.writeValueAsString(result);
    }

    private static long seededCount(String status) {
        long count = 0;
        for (int g = 0; g < SEEDED_ITEMS; g++) {
            if (realStatuses.get(g % realStatuses.size()).equals(status)) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> realItems(String status) {
        Set<String> ids = new HashSet<>();
        try (Connection db = connect(); PreparedStatement q = db.prepareStatement(
                "select item_id from batch_items where run_id = ? and status = ?")) {
            q.setString(1, realRun);
            q.setString(2, status);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static int usersWithEmbedding() {
        try (Connection db = connect(); ResultSet rows = db.createStatement()
                .executeQuery("select count(*) from prototype_memberships")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    // --- pages

    private static void open(String path, String name) {
        browser.get(base + path);
        awaitPath(path.replaceFirst("\\?.*", ""));
        record(name);
    }

    private static void awaitPath(String path) {
        new WebDriverWait(browser, PAGE_WAIT).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void awaitQuery(String part) {
        new WebDriverWait(browser, PAGE_WAIT).until(d -> d.getCurrentUrl().contains(part)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static WebElement row(String runId) {
        return browser.findElements(By.cssSelector("table.runs tbody tr")).stream()
                .filter(tr -> tr.findElement(By.className("run-link")).getText().equals(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for run " + runId));
    }

    private static List<String> badges() {
        return browser.findElements(By.cssSelector(".item-row .badge")).stream().map(WebElement::getText).toList();
    }

    /** The page's own load timing, as the browser measured it. */
    @SuppressWarnings("unchecked")
    private static void record(String name) {
        Map<String, Object> entry = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "return {url: location.pathname + location.search, server: n.responseStart - n.requestStart,"
                        + " response: n.responseEnd - n.requestStart, ready: n.domContentLoadedEventEnd - n.startTime,"
                        + " bytes: n.transferSize};");
        Map<String, Double> numbers = new LinkedHashMap<>();
        entry.forEach((k, v) -> {
            if (v instanceof Number number) {
                numbers.put(k + (k.equals("bytes") ? "" : "Millis"), number.doubleValue());
            }
        });
        timings.put(name + " " + entry.get("url"), numbers);
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + name, e);
        }
    }
}
