package io.pgenrm.app;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks every HTTP request for the API key when one is set ({@code PGENRM_API_KEY}). {@link HttpListener} refuses to
 * listen beyond loopback without one, so only a loopback-only server ever answers without a key. The key is read
 * from {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY} and compared in constant time.
 */
@ApplicationScoped
public class ApiKeyGuard {
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> key;

    ApiKeyGuard(@ConfigProperty(name = "pgenrm.api-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    void install(@Observes Router router) {
        if (key.isPresent()) {
            router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (accepts(presented(context))) {
            context.next();
            return;
        }
        context.response().setStatusCode(401).putHeader("content-type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end("{\"error\":\"an API key is required: send it as 'Authorization: Bearer KEY' or '"
                        + HEADER + ": KEY'\"}");
    }

    private static String presented(RoutingContext context) {
        String header = context.request().getHeader(HEADER);
        if (header != null) {
            return header;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }

    /** Constant time in the presented key's content, so timing tells nothing about how much of it matched. */
    boolean accepts(String presented) {
        return key.map(expected -> presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))).orElse(true);
    }
}
