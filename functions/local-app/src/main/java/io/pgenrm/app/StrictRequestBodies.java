package io.pgenrm.app;

import io.pgenrm.api.RequestReader;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.functions.PersonaInductionFunction;
import io.pgenrm.functions.PopulationFunctions;
import io.pgenrm.functions.PrototypeAggregationFunctions;
import io.pgenrm.functions.RubricGenerationFunction;
import io.pgenrm.functions.SampleScoringFunction;
import io.pgenrm.functions.SchemaFunctions;
import io.pgenrm.runtime.PgenrmConfig;
import io.quarkus.funqy.Funq;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every function's request body strictly ({@link RequestReader}) before Funqy does: Funqy's own reader ignores
 * unknown fields, coerces types and only answers a bare 400. A body that {@link RequestReader} refuses gets a 400
 * naming the field; one larger than {@code pgenrm.functions.max-body-bytes} a 413 naming {@code body}
 * ({@link ClientErrorResponses}). A body that passes is handed on to Funqy unchanged.
 */
@ApplicationScoped
public class StrictRequestBodies {
    /** Every class whose {@code @Funq} methods {@code pgenrm serve} exposes. */
    static final List<Class<?>> FUNCTION_CLASSES = List.of(PersonaInductionFunction.class,
            RubricGenerationFunction.class, SampleScoringFunction.class, PrototypeAggregationFunctions.class,
            PopulationFunctions.class, SchemaFunctions.class, EvaluateFunction.class);

    private final RequestReader reader = new RequestReader();
    private final Map<String, Class<?>> inputTypes = inputTypes();
    private final Set<String> withoutInput = withoutInput();
    private final long maxBodyBytes;

    StrictRequestBodies(PgenrmConfig config) {
        this.maxBodyBytes = config.functions().maxBodyBytes();
    }

    /** Each function's path ("/evaluate") and input type; functions without input are left out. */
    static Map<String, Class<?>> inputTypes() {
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

    /** Paths of the functions that take no input ("/migrateSchema"). */
    static Set<String> withoutInput() {
        Set<String> paths = new HashSet<>();
        for (Class<?> type : FUNCTION_CLASSES) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Funq.class) && method.getParameterCount() == 0) {
                    paths.add("/" + method.getName());
                }
            }
        }
        return Set.copyOf(paths);
    }

    void install(@Observes Router router) {
        // After the API key check (ApiKeyGuard), so no body is read for a caller without the key. Quarkus may have
        // read the body already under its own, larger limit (the reward API's); then the size is checked below.
        Set<String> paths = new HashSet<>(inputTypes.keySet());
        paths.addAll(withoutInput);
        for (String path : paths) {
            router.post(path).order(Integer.MIN_VALUE + 2)
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                    .handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        Buffer body = context.body().buffer();
        if (body != null && body.length() > maxBodyBytes) {
            context.fail(413);
            return;
        }
        Class<?> type = inputTypes.get(context.normalizedPath());
        if (type == null) {
            // Funqy reads a body sent to a function without input and fails on it with a logged stack trace.
            if (body != null && !body.toString().isBlank()) {
                ClientErrorResponses.answer(context, 400, "body", "body: this function takes no input; send none");
                return;
            }
            context.next();
            return;
        }
        try {
            reader.read(body == null ? new byte[0] : body.getBytes(), type);
        } catch (InvalidInputException refused) {
            ClientErrorResponses.answer(context, 400, refused.field(), refused.getMessage());
            return;
        }
        context.next();
    }
}
