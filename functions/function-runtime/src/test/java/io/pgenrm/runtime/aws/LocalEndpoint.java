package io.pgenrm.runtime.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK HTTP server on a free localhost port standing in for an endpoint of the Lambda environment or of AWS. */
final class LocalEndpoint implements AutoCloseable {
    /** What a request carried: method, path with query, headers (lower-case names) and body. */
    record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    /** The reply to send: status and body. */
    record Reply(int status, String body) {
    }

    interface Handler {
        Reply handle(Request request);
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalEndpoint(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> respond(exchange, handler));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    private void respond(HttpExchange exchange, Handler handler) throws IOException {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Reply reply = handler.handle(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
