package io.pgenrm.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.pgenrm.domain.InvalidInputException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.pgenrm.functions.PersonaInductionFunction;
import io.pgenrm.functions.PrototypeAggregationFunctions;
import io.pgenrm.functions.RubricGenerationFunction;
import io.pgenrm.functions.SampleScoringFunction;
import io.quarkus.funqy.Funq;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns bad request bodies into a 400 with a JSON message naming the field, for every function served over HTTP,
 * instead of an empty 400 or a 500. Funqy answers an unreadable body with a bare 400 and keeps the cause to
 * itself, so the body (already buffered by Funqy) is read again against the function's input type.
 */
@ApplicationScoped
public class ClientErrorResponses {
    private static final List<Class<?>> FUNCTION_CLASSES = List.of(PersonaInductionFunction.class,
            RubricGenerationFunction.class, SampleScoringFunction.class, PrototypeAggregationFunctions.class,
            EvaluateFunction.class);

    @Inject
    ObjectMapper json;

    private final Map<String, Class<?>> inputTypes = inputTypes();

    private static Map<String, Class<?>> inputTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Class<?> type : FUNCTION_CLASSES) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Funq.class) && method.getParameterCount() == 1) {
                    types.put("/" + method.getName(), method.getParameterTypes()[0]);
                }
            }
        }
        return Map.copyOf(types);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure == null && context.statusCode() == 400) {
            failure = reread(context);
        }
        Map<String, String> body = describe(failure);
        if (body.isEmpty() && context.statusCode() == 400) {
            body.put("field", "body");
            body.put("error", "body: a JSON object matching the function's input is required");
        }
        if (body.isEmpty()) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(400).putHeader("content-type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    /** The field and message of the first cause that names one; empty when nothing does. */
    static Map<String, String> describe(Throwable failure) {
        InvalidInputException invalid = find(failure, InvalidInputException.class);
        JsonMappingException mismatch = find(failure, JsonMappingException.class);
        String path = mismatch == null ? "" : mismatch.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        Map<String, String> body = new LinkedHashMap<>();
        if (invalid != null) {
            String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
            body.put("field", field);
            body.put("error", field + ": " + invalid.getMessage().substring(invalid.field().length() + 2));
        } else if (mismatch != null && !path.isEmpty()) {
            body.put("field", path);
            body.put("error", path + ": " + mismatch.getOriginalMessage());
        } else {
            JsonProcessingException parse = find(failure, JsonProcessingException.class);
            if (parse != null) {
                body.put("field", "body");
                body.put("error", "body: not valid JSON: " + parse.getOriginalMessage());
            }
        }
        return body;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private Throwable reread(RoutingContext context) {
        Class<?> type = inputTypes.get(context.normalizedPath());
        if (type == null || context.body() == null || context.body().buffer() == null) {
            return null;
        }
        try {
            json.readValue(context.body().asString(), type);
            return null;
        } catch (JsonProcessingException e) {
            return e;
        }
    }
}
