package io.pgenrm.reward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pgenrm.domain.InvalidInputException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reward API's JSON: snake_case field names throughout (OpenRLHF's {@code extra_logs}, our {@code user_id}),
 * and strict reading: an unknown field, a missing primitive or trailing content is a 400 naming the field, never
 * silently ignored. The HTTP routes and the Lambda adapter both read and write through here.
 */
public final class RewardJson {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** {@code body} as {@code type}; any problem is an InvalidInputException naming the field. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw unknownField(body, type).orElseGet(() -> invalid(e));
        }
        if (value == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return value;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * An unknown field anywhere in {@code body}. Jackson builds a record before it reports the unknown fields beside
     * it, so a misspelt required field would otherwise be reported as missing rather than as the typo it is.
     */
    private Optional<InvalidInputException> unknownField(String body, Type type) {
        try {
            return Optional.ofNullable(unknownField(mapper.readTree(body), type, ""))
                    .map(path -> new InvalidInputException(path, "unknown field"));
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }

    private static String unknownField(JsonNode node, Type type, String path) {
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType()) && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = unknownField(node.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (type instanceof Class<?> record && record.isRecord() && node.isObject()) {
            Map<String, Type> fields = new HashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                fields.put(SNAKE_CASE.translate(component.getName()), component.getGenericType());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Type fieldType = fields.get(field.getKey());
                String found = fieldType == null ? at : unknownField(field.getValue(), fieldType, at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The field and problem behind a read failure: a record's own check, an unknown field, a type mismatch. */
    static InvalidInputException invalid(JsonProcessingException failure) {
        String path = failure instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "") : "";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
                String problem = invalid.getMessage().substring(invalid.field().length() + 2);
                return invalid instanceof TooLargeException ? new TooLargeException(field, problem)
                        : new InvalidInputException(field, problem);
            }
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return new InvalidInputException(path, "unknown field; known fields: " + unknown.getKnownPropertyIds());
        }
        if (failure instanceof JsonMappingException && !path.isEmpty()) {
            return new InvalidInputException(path, failure.getOriginalMessage());
        }
        return new InvalidInputException("body", "not valid JSON: " + failure.getOriginalMessage());
    }
}
