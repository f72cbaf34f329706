package io.pgenrm.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one JSON object the way models write it: trailing commas, single quotes, unquoted names and raw newlines
 * in strings are accepted. When the object is cut off or broken part-way, the members that were complete before
 * the break are kept, so a verdict whose needed keys were written in full survives truncation. Only whole values
 * survive: a nested object or array that was not closed is dropped, and so is a number the text ends on (it may
 * have been cut short).
 */
final class LenientJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * An object read from {@code text[start, limit)}, where {@code start} holds a '{'. {@code end} is the offset
     * just past the object when it closed, else {@code limit}. {@code problem} is null for a clean read, else says
     * why reading stopped; {@code truncated} is true when the text ended inside the object. {@code memberEnds} gives,
     * for each top-level member kept, the offset just past its value.
     */
    record Read(ObjectNode root, int end, boolean truncated, String problem, Map<String, Integer> memberEnds) {
        boolean complete() {
            return problem == null;
        }
    }

    private LenientJson() {
    }

    static Read readObject(String text, int start, int limit) {
        ObjectNode root = NODES.objectNode();
        Map<String, Integer> ends = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text.substring(start, limit))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Read(root, limit, false, "no JSON object at offset " + start, Map.of());
            }
            fillObject(parser, root, ends, start);
            int end = start + (int) parser.currentLocation().getCharOffset();
            return new Read(root, end, false, null, Map.copyOf(ends));
        } catch (JsonEOFException e) {
            return new Read(root, limit, true, "the JSON is cut off before its end", Map.copyOf(ends));
        } catch (StreamReadException e) {
            return new Read(root, limit, false, "malformed JSON: " + e.getOriginalMessage(), Map.copyOf(ends));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    /**
     * Fills {@code target} member by member; on a read error the members finished so far stay in it. With
     * {@code ends}, records where each member's value ends ({@code offset} is where the parsed text starts).
     */
    private static void fillObject(JsonParser parser, ObjectNode target, Map<String, Integer> ends, int offset)
            throws IOException {
        String pendingName = null;
        JsonNode pendingNumber = null;
        int pendingEnd = 0;
        while (true) {
            JsonToken token = next(parser);
            if (pendingName != null) {
                target.set(pendingName, pendingNumber);
                if (ends != null) {
                    ends.put(pendingName, pendingEnd);
                }
                pendingName = null;
            }
            if (token == JsonToken.END_OBJECT) {
                return;
            }
            String name = parser.currentName();
            JsonToken valueToken = next(parser);
            JsonNode value = value(parser, valueToken);
            int end = offset + (int) parser.currentLocation().getCharOffset();
            if (valueToken.isNumeric()) {
                pendingName = name;
                pendingNumber = value;
                pendingEnd = end;
            } else {
                target.set(name, value);
                if (ends != null) {
                    ends.put(name, end);
                }
            }
        }
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = next(parser); token != JsonToken.END_ARRAY; token = next(parser)) {
            array.add(value(parser, token));
        }
        return array;
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode child = NODES.objectNode();
                fillObject(parser, child, null, 0);
                yield child;
            }
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonEOFException(parser, null, "end of text inside a JSON object");
        }
        return token;
    }
}
