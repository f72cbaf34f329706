package io.pgenrm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgenrm.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import io.pgenrm.fuzz.RandomInputs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hostile request bodies, generated: token soup, random bytes, and valid bodies with values swapped for other types
 * or extremes, fields added or dropped, text cut short. Whatever the body, {@link RequestReader} returns a request
 * or throws {@link InvalidInputException}, its one documented failure, naming {@code body} or a path of fields.
 */
class RequestReaderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH = Pattern.compile("body|[\\w$]+(\\[\\d+])*(\\.[^.\\[\\]]+(\\[\\d+])*)*");
    private static final List<Class<?>> TYPES = List.copyOf(ValidRequests.bodies().keySet());
    private static final List<String> TOKENS = Arrays.asList("{", "}", "[", "]", ",", ":", "\"", "\"userId\"", "\"u\"", "\"history\"",
            "\"scenario\"", "\"candidates\"", "\"context\"", "\"role\"", "\"content\"", "\"scaling\"", "\"ind\"",
            "\"chains\"", "\"row\"", "\"user_id\"", "\"profile\"", "\"status\"", "\"OK\"", "\"SELF\"", "0", "-1",
            "1e400", "9223372036854775808", "1.5", "true", "null", "NaN", " ", "\n", "\\u0000", "\"\\ud800\"",
            "\u00e9", "/*", "'", "\ufeff");
    private final RequestReader reader = new RequestReader();

    record Body(Class<?> type, byte[] bytes) {
        @Override
        public String toString() {
            return type.getSimpleName() + ": " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void anyBodyIsReadOrRefusedNamingAField() {
        RandomInputs.forAll(21, 3000, in -> new Body(in.pick(TYPES), in.coin()
                ? in.soup(TOKENS, 60).getBytes(StandardCharsets.UTF_8) : in.bytes(200)),
                body -> readOrRefuse(body.type(), body.bytes()));
    }

    @Test
    void anyMutationOfAValidBodyIsReadOrRefusedNamingAField() {
        RandomInputs.forAll(22, 4000, in -> {
            Class<?> type = in.pick(TYPES);
            try {
                return new Body(type, mutate(ValidRequests.bodies().get(type), new SplittableRandom(in.nextLong())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, body -> readOrRefuse(body.type(), body.bytes()));
    }

    private void readOrRefuse(Class<?> type, byte[] body) {
        try {
            assertThat(reader.read(body, type)).isInstanceOf(type);
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).matches(PATH);
            assertThat(refused.getMessage()).startsWith(refused.field() + ": ");
        }
    }

    /** One mutation of a valid body. */
    private static byte[] mutate(String valid, SplittableRandom random) throws Exception {
        JsonNode tree = JSON.readTree(valid);
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        switch (random.nextInt(6)) {
            case 0 -> replaceAny(target, random, randomValue(random));
            case 1 -> {
                if (target instanceof ObjectNode object) {
                    object.put(random.nextBoolean() ? "bogus" : "USERID", 1);
                }
            }
            case 2 -> {
                if (target instanceof ObjectNode object && !object.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    object.remove(names.get(random.nextInt(names.size())));
                }
            }
            case 3 -> {
                String text = JSON.writeValueAsString(tree);
                return text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> replaceAny(target, random, NODES.textNode("x".repeat(random.nextInt(120_000))));
            default -> {
                ArrayNode list = NODES.arrayNode();
                int size = random.nextInt(3_000);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random));
                }
                replaceAny(target, random, list);
            }
        }
        return JSON.writeValueAsBytes(tree);
    }

    private static void replaceAny(JsonNode container, SplittableRandom random, JsonNode value) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), value);
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value);
        }
    }

    private static JsonNode randomValue(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -random.nextDouble() * 1e9);
            case 4 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5 -> NODES.textNode(List.of("", " ", "SELF", "OK", "train", "\u0000", "\ud800", "u1")
                    .get(random.nextInt(8)));
            case 6 -> NODES.arrayNode().add(1).add("a").addNull();
            case 7 -> NODES.objectNode().put("userId", "u").set("pairs", NODES.arrayNode().addNull());
            case 8 -> NODES.objectNode().set("nested", NODES.objectNode().set("deeper", NODES.arrayNode()));
            default -> NODES.numberNode(random.nextInt(-2, 70));
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Map.Entry<String, JsonNode> field : iterable(node)) {
                collect(field.getValue(), out);
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, out));
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
