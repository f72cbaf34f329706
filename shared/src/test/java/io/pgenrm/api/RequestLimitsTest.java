package io.pgenrm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgenrm.api.RequestLimits.Limit;
import io.pgenrm.domain.InvalidInputException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every text, list and number of every function's input has a bound (reflection over the request types), docs/limits.md
 * lists each, and each is enforced: a valid request with just that one value pushed past its bound is refused, naming
 * that value's path (or, for a bound on a sum such as a rubric's weights, the object that holds it).
 */
class RequestLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final RequestReader reader = new RequestReader();

    @Test
    void everyValidBodyIsAccepted() {
        ValidRequests.bodies().forEach((type, body) ->
                assertThat(reader.read(body.getBytes(StandardCharsets.UTF_8), type)).isInstanceOf(type));
    }

    @Test
    void thereIsAValidBodyForEveryRequestTypeTheLimitsCheck() {
        assertThat(ValidRequests.bodies().keySet()).containsExactlyInAnyOrderElementsOf(RequestLimits.requestTypes());
    }

    @Test
    void everyTextListAndNumberOfEveryInputHasABound() {
        Set<String> bounded = RequestLimits.TABLE.stream().map(Limit::key).collect(Collectors.toSet());
        Set<String> reachable = new LinkedHashSet<>();
        for (Class<?> type : ValidRequests.bodies().keySet()) {
            collectFields(type, reachable, new HashSet<>());
        }

        assertThat(bounded).containsAll(reachable);
        assertThat(reachable).containsAll(bounded);
    }

    @Test
    void docsListEveryBound() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "limits.md"), StandardCharsets.UTF_8);

        assertThat(RequestLimits.TABLE).allSatisfy(limit ->
                assertThat(docs).contains("| `" + limit.key() + "` | " + limit.bound() + " |"));
    }

    @Test
    void everyBoundIsEnforcedAndNamesTheFieldItIsAbout() throws IOException {
        Set<String> enforced = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Class<?>, String> body : ValidRequests.bodies().entrySet()) {
            List<Leaf> leaves = new ArrayList<>();
            walk(JSON.readTree(body.getValue()), body.getKey(), "", new ArrayList<>(), leaves);
            for (Leaf leaf : leaves) {
                JsonNode violation = violation(leaf);
                if (violation == null) {
                    continue;
                }
                JsonNode tree = JSON.readTree(body.getValue());
                leaf.set(tree, violation);
                InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
                        () -> reader.read(JSON.writeValueAsBytes(tree), body.getKey()));
                String what = body.getKey().getSimpleName() + " " + leaf.path + " past " + leaf.limit.bound();
                if (refusal == null) {
                    failures.add(what + ": accepted");
                } else if (!names(refusal.field(), leaf.path)) {
                    failures.add(what + ": refused as " + refusal.getMessage());
                } else {
                    enforced.add(leaf.limit.key());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(enforced).containsExactlyInAnyOrderElementsOf(
                RequestLimits.TABLE.stream().map(Limit::key).toList());
    }

    /** The refusal names the field, or an object holding it (a bound on a sum is the object's). */
    private static boolean names(String field, String path) {
        return field.equals(path) || path.startsWith(field + ".") || path.startsWith(field + "[");
    }

    /** A value of the leaf's kind just past its bound, or null when the valid body gives nothing to copy. */
    private static JsonNode violation(Leaf leaf) {
        Limit limit = leaf.limit;
        return switch (limit.kind()) {
            case TEXT -> NODES.textNode("x".repeat((int) limit.max() + 1));
            case JSON -> NODES.textNode("p".repeat((int) limit.max() + 1));
            case ENUM -> NODES.textNode("NOT_A_VALUE");
            case LIST -> copies(leaf.value, (int) limit.max() + 1);
            case MAP -> entries(leaf.value, (int) limit.max() + 1);
            case INTEGER -> limit.max() < Long.MAX_VALUE ? NODES.numberNode((long) limit.max() + 1)
                    : NODES.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
            case NUMBER -> NODES.numberNode(2 * limit.max() + 1);
        };
    }

    private static JsonNode copies(JsonNode list, int count) {
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            out.add(list.get(0).deepCopy());
        }
        return out;
    }

    private static JsonNode entries(JsonNode map, int count) {
        if (!map.isObject() || map.isEmpty()) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        JsonNode value = map.elements().next();
        for (int i = 0; i < count; i++) {
            out.set("k" + i, value.deepCopy());
        }
        return out;
    }

    /** A bounded member of a request, with where it sits. */
    private record Leaf(String path, List<Object> steps, Limit limit, JsonNode value) {
        void set(JsonNode root, JsonNode replacement) {
            JsonNode parent = root;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
            }
            ((ObjectNode) parent).set((String) steps.get(steps.size() - 1), replacement);
        }
    }

    private static void walk(JsonNode node, Type type, String path, List<Object> steps, List<Leaf> out) {
        Class<?> raw = raw(type);
        if (raw.isRecord() && node.isObject()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = jsonName(component);
                JsonNode child = node.get(name);
                if (child == null || child.isNull()) {
                    continue;
                }
                String at = path.isEmpty() ? name : path + "." + name;
                List<Object> next = append(steps, name);
                Limit limit = limit(typeName(raw) + "." + name);
                if (limit != null) {
                    out.add(new Leaf(at, next, limit, child));
                }
                walk(child, component.getGenericType(), at, next, out);
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), element, path + "[" + i + "]", append(steps, i), out);
            }
        }
    }

    /** Every record component reachable from {@code type} that holds a text, a list, a map or a number. */
    private static void collectFields(Type type, Set<String> out, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                collectFields(argument, out, seen);
            }
            return;
        }
        if (!raw.isRecord() || !seen.add(raw)) {
            return;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Class<?> field = component.getType();
            if (field != boolean.class && field != Boolean.class && !field.isRecord()) {
                out.add(typeName(raw) + "." + jsonName(component));
            }
            collectFields(component.getGenericType(), out, seen);
        }
    }

    private static Limit limit(String key) {
        return RequestLimits.TABLE.stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static String typeName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null && component.isAnnotationPresent(JsonProperty.class)) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> next = new ArrayList<>(steps);
        next.add(step);
        return next;
    }
}
