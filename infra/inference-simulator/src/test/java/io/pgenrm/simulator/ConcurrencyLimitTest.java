package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {
    private static final String PROMPT = "Judge: {\"rationale\": \"\", \"better_response\": {}}";

    @Test
    void neverServesMoreThanMaxConcurrencyAndServesEveryQueuedRequest() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().maxConcurrency(4)
                .latency(new LatencyDistribution.Fixed(100)).build();
        try (SimulatedInferenceServer server = new SimulatedInferenceServer(settings)) {
            server.start();
            long started = System.nanoTime();
            List<Integer> statuses = concurrently(server, 24);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(statuses).hasSize(24).allMatch(s -> s == 200);
            // 24 requests through 4 slots of 100 ms each take at least 6 rounds.
            assertThat(millis).isGreaterThanOrEqualTo(600);
            StatsSnapshot stats = server.stats();
            assertThat(stats.maxInServiceObserved()).isEqualTo(4);
            assertThat(stats.maxQueueLengthObserved()).isGreaterThan(0).isLessThanOrEqualTo(20);
            assertThat(stats.outcomes().ok()).isEqualTo(24);
            assertThat(stats.inService()).isZero();
            assertThat(stats.queueLength()).isZero();
        }
    }

    @Test
    void slotsNotHttpThreadsLimitThroughput() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().maxConcurrency(32)
                .latency(new LatencyDistribution.Fixed(200)).build();
        try (SimulatedInferenceServer server = new SimulatedInferenceServer(settings)) {
            server.start();
            List<Integer> statuses = concurrently(server, 96);

            assertThat(statuses).hasSize(96).allMatch(s -> s == 200);
            // All 32 slots were busy at once: a pool of HTTP threads smaller than the slots would have capped this
            // below 32, however long the requests took.
            assertThat(server.stats().maxInServiceObserved()).isEqualTo(32);
            assertThat(server.stats().outcomes().ok()).isEqualTo(96);
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().maxConcurrency(1).maxQueue(2)
                .latency(new LatencyDistribution.Fixed(500)).build();
        try (SimulatedInferenceServer server = new SimulatedInferenceServer(settings)) {
            server.start();
            List<ChatClient.Reply> replies = concurrently(server, 6, reply -> reply);

            assertThat(replies.stream().filter(r -> r.status() == 200).count()).isEqualTo(3);
            List<ChatClient.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
            assertThat(refused).hasSize(3).allSatisfy(r -> {
                assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.body().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
            });
            assertThat(server.stats().queueFull429()).isEqualTo(3);
            assertThat(server.stats().maxQueueLengthObserved()).isEqualTo(2);
        }
    }

    @Test
    void waitingRequestsAreServedInArrivalOrder() throws Exception {
        ServiceSlots slots = new ServiceSlots(1, Integer.MAX_VALUE);
        assertThat(slots.acquire()).isTrue();
        List<Integer> servedOrder = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            Thread waiter = new Thread(() -> {
                try {
                    slots.acquire();
                    synchronized (servedOrder) {
                        servedOrder.add(id);
                    }
                    slots.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            waiters.add(waiter);
            while (slots.levels().queued() < i + 1) {
                Thread.onSpinWait();
            }
        }
        slots.release();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }

        assertThat(servedOrder).containsExactly(0, 1, 2, 3, 4);
        assertThat(slots.levels().inService()).isZero();
    }

    /** Sends {@code count} requests at once (distinct bodies) and returns their statuses. */
    private static List<Integer> concurrently(SimulatedInferenceServer server, int count) throws Exception {
        return concurrently(server, count, ChatClient.Reply::status);
    }

    /** Sends {@code count} requests at once (distinct bodies) and returns what {@code read} takes of each reply. */
    private static <T> List<T> concurrently(SimulatedInferenceServer server, int count,
            Function<ChatClient.Reply, T> read) throws Exception {
        ChatClient client = new ChatClient(server);
        ExecutorService senders = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long seed = i;
                replies.add(senders.submit(() -> read.apply(client.post(ChatClient.body(PROMPT, seed, 1)))));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> reply : replies) {
                results.add(reply.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
