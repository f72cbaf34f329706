package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final String PROMPT = "Say which is better: {\"rationale\": \"\", \"better_response\": {}}";

    @Test
    void errorRateOfTenPercentGivesAboutTenPercent5xxWithOpenAiErrors() throws Exception {
        try (SimulatedInferenceServer server = started(SimulatorSettings.builder().errorRate(0.1).seed(3).build())) {
            ChatClient client = new ChatClient(server);
            int errors = 0;
            Set<Integer> statuses = new TreeSet<>();
            for (int i = 0; i < 1000; i++) {
                ChatClient.Reply reply = client.post(ChatClient.body(PROMPT, i, 1));
                if (reply.status() >= 500) {
                    errors++;
                    statuses.add(reply.status());
                    assertThat(reply.body().path("error").path("type").asText()).isEqualTo("server_error");
                } else {
                    assertThat(reply.status()).isEqualTo(200);
                }
            }

            assertThat(errors).isBetween(75, 125);
            assertThat(statuses).containsExactly(500, 502, 503);
            assertThat(server.stats().outcomes().error5xx()).isEqualTo(errors);
            assertThat(server.stats().outcomes().ok()).isEqualTo(1000 - errors);
        }
    }

    @Test
    void faultsDependOnTheSeedAndBodyNotOnArrivalOrder() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().errorRate(0.3).seed(11).build();
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            seeds.add(i);
        }
        Set<Integer> failedInOrder = failingSeeds(settings, seeds);
        Collections.shuffle(seeds, new Random(5));
        Set<Integer> failedShuffled = failingSeeds(settings, seeds);
        Set<Integer> otherSimulatorSeed = failingSeeds(SimulatorSettings.builder().errorRate(0.3).seed(12).build(), seeds);

        assertThat(failedInOrder).isNotEmpty().isEqualTo(failedShuffled).isNotEqualTo(otherSimulatorSeed);
    }

    @Test
    void aRetryOfTheSameBodyGetsAFreshDrawAndTheSameAnswer() throws Exception {
        try (SimulatedInferenceServer server = started(SimulatorSettings.builder().errorRate(0.5).seed(2).build())) {
            ChatClient client = new ChatClient(server);
            String body = ChatClient.body(PROMPT, 99, 1).toString();
            List<Integer> statuses = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int attempt = 0; attempt < 20; attempt++) {
                ChatClient.Reply reply = client.post(body, null);
                statuses.add(reply.status());
                if (reply.status() == 200) {
                    answers.add(reply.content(0));
                }
            }

            assertThat(statuses).contains(200).anyMatch(s -> s >= 500);
            assertThat(Set.copyOf(answers)).hasSize(1);
        }
    }

    @Test
    void rateLimitedRequestsGet429WithRetryAfter() throws Exception {
        try (SimulatedInferenceServer server = started(SimulatorSettings.builder().rateLimitRate(1).build())) {
            ChatClient.Reply reply = new ChatClient(server).post(ChatClient.body(PROMPT, 1, 1));

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(reply.body().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(server.stats().outcomes().rateLimited429()).isEqualTo(1);
            assertThat(server.stats().queueFull429()).isZero();
        }
    }

    @Test
    void aTimedOutRequestIsHeldThenClosedWithoutAnAnswer() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().timeoutRate(1).hangMillis(400).build();
        try (SimulatedInferenceServer server = started(settings)) {
            ChatClient client = new ChatClient(server);
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.post(ChatClient.body(PROMPT, 1, 1))).isInstanceOf(IOException.class);

            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
            assertThat(server.stats().outcomes().timeout()).isEqualTo(1);
            assertThat(server.stats().inService()).isZero();
        }
    }

    @Test
    void aClientTimeoutShorterThanTheHangFiresFirst() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().timeoutRate(1).hangMillis(5_000).build();
        try (SimulatedInferenceServer server = started(settings)) {
            ChatClient client = new ChatClient(server);

            assertThatThrownBy(() -> client.post(ChatClient.body(PROMPT, 1, 1).toString(), Duration.ofMillis(200)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(server.stats().hanging()).isEqualTo(1);
        }
    }

    @Test
    void malformedChoicesAreCountedAndDifferFromTheIntactAnswer() throws Exception {
        try (SimulatedInferenceServer intact = started(SimulatorSettings.builder().build());
                SimulatedInferenceServer broken = started(SimulatorSettings.builder().malformedRate(1).build())) {
            String good = new ChatClient(intact).post(ChatClient.body(PROMPT, 4, 1)).content(0);
            ChatClient.Reply reply = new ChatClient(broken).post(ChatClient.body(PROMPT, 4, 3));

            assertThat(reply.status()).isEqualTo(200);
            for (int c = 0; c < 3; c++) {
                assertThat(reply.content(c)).isNotEqualTo(good);
            }
            assertThat(broken.stats().outcomes().malformed()).isEqualTo(1);
            assertThat(broken.stats().malformedChoices()).isEqualTo(3);
        }
    }

    private static Set<Integer> failingSeeds(SimulatorSettings settings, List<Integer> seeds) throws Exception {
        Set<Integer> failed = new TreeSet<>();
        try (SimulatedInferenceServer server = started(settings)) {
            ChatClient client = new ChatClient(server);
            for (int seed : seeds) {
                if (client.post(ChatClient.body(PROMPT, seed, 1)).status() != 200) {
                    failed.add(seed);
                }
            }
        }
        return failed;
    }

    private static SimulatedInferenceServer started(SimulatorSettings settings) {
        SimulatedInferenceServer server = new SimulatedInferenceServer(settings);
        server.start();
        return server;
    }
}
