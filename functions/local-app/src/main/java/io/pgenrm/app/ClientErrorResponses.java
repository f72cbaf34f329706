package io.pgenrm.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.runtime.PgenrmConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers client errors with a JSON body naming the field, {@code {"field": ..., "error": ...}}, for every function
 * served over HTTP: a request a function refuses ({@link InvalidInputException}) gets a 400, a body over
 * {@code pgenrm.functions.max-body-bytes} a 413 naming {@code body}, and any other bare 400 a message naming
 * {@code body}. Bodies are read strictly before any function runs ({@link StrictRequestBodies}), so a field named here
 * is the one that was sent, with its full path.
 */
@ApplicationScoped
public class ClientErrorResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodyBytes;
    private final Set<String> functionPaths = functionPaths();

    ClientErrorResponses(PgenrmConfig config) {
        this.maxBodyBytes = config.functions().maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        InvalidInputException invalid = find(context.failure(), InvalidInputException.class);
        if (invalid != null) {
            answer(context, 400, invalid.field(), invalid.getMessage());
        } else if (context.statusCode() == 413 && functionPaths.contains(context.normalizedPath())) {
            answer(context, 413, "body", "body: is larger than the " + maxBodyBytes + "-byte limit "
                    + "(pgenrm.functions.max-body-bytes)");
        } else if (context.statusCode() == 400) {
            answer(context, 400, "body", "body: a JSON object matching the function's input is required");
        } else {
            context.next();
        }
    }

    private static Set<String> functionPaths() {
        Set<String> paths = new HashSet<>(StrictRequestBodies.inputTypes().keySet());
        paths.addAll(StrictRequestBodies.withoutInput());
        return Set.copyOf(paths);
    }

    /** Ends the exchange with {@code status} and the JSON error body. */
    static void answer(RoutingContext context, int status, String field, String error) {
        if (context.response().ended()) {
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("field", field);
        body.put("error", error);
        try {
            context.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
