package io.pgenrm.app;

import io.pgenrm.api.RequestReader;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.functions.PersonaInductionFunction;
import io.pgenrm.functions.PopulationFunctions;
import io.pgenrm.functions.PrototypeAggregationFunctions;
import io.pgenrm.functions.RubricGenerationFunction;
import io.pgenrm.functions.SampleScoringFunction;
import io.pgenrm.functions.SchemaFunctions;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every function's request body strictly ({@link RequestReader}) before Funqy does: Funqy's own reader ignores
 * unknown fields, coerces types and only answers a bare 400. A body that {@link RequestReader} refuses gets a 400
 * naming the field; one larger than {@code pgenrm.functions.max-body-size} a 413 naming {@code body}
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
    private final long maxBodyBytes;

    StrictRequestBodies(@ConfigProperty(name = "pgenrm.functions.max-body-size") MemorySize maxBody) {
        this.maxBodyBytes = maxBody.asLongValue();
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

    void install(@Observes Router router) {
        // After the API key check (ApiKeyGuard), so no body is read for a caller without the key.
        for (String path : inputTypes.keySet()) {
            router.post(path).order(Integer.MIN_VALUE + 2)
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                    .handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        Buffer body = context.body().buffer();
        try {
            reader.read(body == null ? new byte[0] : body.getBytes(), inputTypes.get(context.normalizedPath()));
        } catch (InvalidInputException refused) {
            ClientErrorResponses.answer(context, 400, refused.field(), refused.getMessage());
            return;
        }
        context.next();
    }
}
