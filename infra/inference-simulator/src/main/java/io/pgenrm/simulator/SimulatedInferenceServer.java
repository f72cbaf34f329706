package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completion endpoint backed by {@link SimulatedJudge}, with the service behaviour of a
 * real inference server: a fixed number of service slots with a FIFO queue, a latency per request and seeded
 * faults. Serves {@code POST /v1/chat/completions}, {@code GET /v1/models} and {@code GET /stats}.
 *
 * <pre>{@code
 * try (var server = new SimulatedInferenceServer(SimulatorSettings.builder().errorRate(0.1).build())) {
 *     int port = server.start();   // base URL: server.baseUrl() = http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 */
public final class SimulatedInferenceServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BACKLOG = 1024;
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final int CHARS_PER_TOKEN = 4;
    // What the chat template adds around each message, as real tokenizers count it.
    private static final int TOKENS_PER_MESSAGE = 4;

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add about 40 ms to every request on a kept-alive connection. The JDK reads
        // this once, when its first server starts in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final InetSocketAddress address;
    private final SimulatedJudge judge;
    private final OfficialStyleJudge official;
    private final ServiceSlots slots;
    private final FaultSchedule faults;
    private final ServerStats stats = new ServerStats();
    private HttpServer server;
    private ExecutorService workers;

    /** Listens on the loopback interface at an ephemeral port. */
    public SimulatedInferenceServer(SimulatorSettings settings) {
        this(settings, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public SimulatedInferenceServer(SimulatorSettings settings, InetSocketAddress address) {
        this.settings = settings;
        this.address = address;
        this.judge = new SimulatedJudge(settings.noiseSigma(), settings.positionBias());
        this.official = new OfficialStyleJudge(judge, settings.cutOffRate());
        this.slots = new ServiceSlots(settings.maxConcurrency(), settings.maxQueue());
        this.faults = new FaultSchedule(settings);
    }

    /** Binds and starts serving; returns the bound port. */
    public synchronized int start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + address, e);
        }
        // Unbounded threads: a request waiting for a slot or held by a fault must never block the others, so
        // the service slots, not the HTTP layer, are what limits throughput.
        workers = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    /** The OpenAI base URL clients are configured with, e.g. {@code http://127.0.0.1:8000/v1}. */
    public String baseUrl() {
        InetSocketAddress bound = requireStarted().getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/v1";
    }

    public StatsSnapshot stats() {
        return stats.snapshot(slots.levels());
    }

    /** Stops at once: requests in service or held are cut off (their connections close unanswered). */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
        }
    }

    private synchronized HttpServer requireStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/v1/chat/completions" -> {
                    if (method.equals("POST")) {
                        chatCompletion(exchange);
                    } else {
                        sendError(exchange, 405, "invalid_request_error", "use POST for " + path, null);
                    }
                }
                case "/v1/models" -> {
                    if (method.equals("GET")) {
                        send(exchange, 200, models());
                    } else {
                        sendError(exchange, 405, "invalid_request_error", "use GET for " + path, null);
                    }
                }
                case "/stats" -> send(exchange, 200, stats());
                default -> sendError(exchange, 404, "invalid_request_error", "unknown path " + path, null);
            }
        } catch (RuntimeException e) {
            // A bug in the simulator, not a simulated fault: make it loud rather than a silently dropped connection.
            e.printStackTrace();
            throw e;
        }
    }

    private void chatCompletion(HttpExchange exchange) throws IOException {
        stats.requests.increment();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ChatCompletionRequest request;
        try {
            request = ChatCompletionRequest.parse(body);
        } catch (ChatCompletionRequest.Invalid e) {
            stats.badRequest400.increment();
            sendError(exchange, 400, "invalid_request_error", e.getMessage(), e.param);
            return;
        }
        FaultSchedule.Plan plan = faults.plan(body, request.n());
        switch (plan.fate()) {
            case RATE_LIMITED -> rateLimited(exchange, false);
            case HANG -> hang();
            case SERVER_ERROR, SERVE -> serve(exchange, request, plan);
        }
    }

    /** Holds the request without a slot (a lost request costs the client its timeout, not the server capacity). */
    private void hang() {
        stats.timeout.increment();
        stats.hanging.incrementAndGet();
        try {
            Thread.sleep(settings.hangMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stats.hanging.decrementAndGet();
        }
        // Returning without response headers makes the exchange close the connection: the client reads nothing.
    }

    private void serve(HttpExchange exchange, ChatCompletionRequest request, FaultSchedule.Plan plan)
            throws IOException {
        try {
            if (!slots.acquire()) {
                rateLimited(exchange, true);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ObjectNode answer;
        try {
            Thread.sleep(plan.latencyMillis());
            answer = plan.fate() == FaultSchedule.Fate.SERVER_ERROR ? null : completion(request, plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            slots.release();
        }
        if (answer == null) {
            stats.error5xx.increment();
            sendError(exchange, plan.errorStatus(), "server_error",
                    "simulated upstream failure (" + plan.errorStatus() + ")", null);
        } else {
            send(exchange, 200, answer);
        }
    }

    private ObjectNode completion(ChatCompletionRequest request, FaultSchedule.Plan plan) {
        long seed = request.seed() != null ? request.seed() : plan.noiseSeed();
        String userMessage = request.userMessage();
        boolean officialStyle = settings.style() == JudgeStyle.OFFICIAL;
        if (officialStyle && !OfficialStyleJudge.understands(request.messages())) {
            stats.offFormatPrompts.increment();
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.model());
        ArrayNode choices = root.putArray("choices");
        long completionTokens = 0;
        boolean anyDamaged = false;
        for (int c = 0; c < request.n(); c++) {
            OutputDamage damage = plan.damage().get(c);
            String content = damage.apply(officialStyle
                    ? official.answer(request.messages(), seed, c, request.maxTokens())
                    : judge.answer(userMessage, seed, c));
            String finishReason = "stop";
            if (request.maxTokens() != null && tokens(content) > request.maxTokens()) {
                content = content.substring(0, Math.min(content.length(), request.maxTokens() * CHARS_PER_TOKEN));
                finishReason = "length";
                stats.lengthCutChoices.increment();
            }
            if (damage != OutputDamage.NONE) {
                anyDamaged = true;
                stats.malformedChoices.increment();
            }
            completionTokens += tokens(content);
            ObjectNode choice = choices.addObject();
            choice.put("index", c);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
        }
        stats.choices.add(request.n());
        (anyDamaged ? stats.malformed : stats.ok).increment();
        long promptTokens = tokens(request.promptChars()) + (long) TOKENS_PER_MESSAGE * request.messages().size();
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root;
    }

    private ObjectNode models() {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        root.putArray("data").addObject().put("id", settings.modelName()).put("object", "model")
                .put("created", 0).put("owned_by", "pgenrm-inference-simulator");
        return root;
    }

    private void rateLimited(HttpExchange exchange, boolean queueFull) throws IOException {
        stats.rateLimited429.increment();
        if (queueFull) {
            stats.queueFull429.increment();
        }
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        sendError(exchange, 429, "rate_limit_exceeded", queueFull
                ? "the server's request queue is full, retry later" : "rate limit reached (simulated), retry later",
                null);
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message, String param)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : null);
        send(exchange, status, root);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long tokens(String text) {
        return tokens(text.length());
    }

    private static long tokens(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "inference-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
