package io.pgenrm.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.InvalidInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a function's JSON input strictly, for callers outside our own workflow: an unknown field anywhere, a
 * duplicate field, a value of the wrong type (no "5" for 5, no 1.5 for an integer), trailing text or nesting deeper
 * than {@link #MAX_DEPTH} is refused, and then every bound of {@link RequestLimits} is checked. An unknown field is
 * named before any other problem, since it is often the cause of one (a field sent under another name is missing).
 * Every refusal is one {@link InvalidInputException} naming the field by its full path ({@code scaling.ind},
 * {@code history.pairs[2].chosen}), or {@code body} when the body as a whole is unusable. Thread-safe.
 */
public final class RequestReader {
    /** Our requests nest about ten levels; a profile object a few more. */
    public static final int MAX_DEPTH = 64;

    private final ObjectMapper json;

    public RequestReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // A number or a boolean where text is expected is as wrong as text where a number is.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Benchmark rows ignore unknown fields when read from a data set's file; in a request they are refused too.
        mapper.addMixIn(BenchmarkRow.class, RefuseUnknownFields.class);
        mapper.addMixIn(BenchmarkRow.Response.class, RefuseUnknownFields.class);
        this.json = mapper;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    private interface RefuseUnknownFields {
    }

    /**
     * The request in {@code body}, within bounds.
     *
     * @throws InvalidInputException naming the first field that is unknown, of the wrong type, invalid or out of
     *         bounds
     */
    public <T> T read(byte[] body, Class<T> type) {
        T request;
        try {
            request = json.readValue(body, type);
        } catch (JacksonException e) {
            throw unknownField(body, type).orElseGet(() -> located(e));
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read: " + e.getMessage());
        }
        if (request == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        RequestLimits.check(request);
        return request;
    }

    /**
     * The first field of {@code body}, in document order, that {@code type} does not have. Jackson builds a record
     * from the fields it knows before it reports the ones it does not (and never looks inside those), so without
     * this a misspelt or misplaced field would be reported as the required field the record then misses, e.g.
     * {@code userId: must not be blank} for a body that sent {@code history} instead.
     */
    private Optional<InvalidInputException> unknownField(byte[] body, Class<?> type) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        return tree == null ? Optional.empty() : unknownField(tree, json.constructType(type), "");
    }

    private Optional<InvalidInputException> unknownField(JsonNode node, JavaType type, String at) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                Optional<InvalidInputException> found = unknownField(node.get(i), type.getContentType(),
                        at + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        boolean map = type.isMapLikeType();
        if (!node.isObject() || !(map || type.isRecordType())) {
            return Optional.empty();
        }
        Map<String, JavaType> fields = map ? Map.of() : fields(type);
        if (fields == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String where = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            JavaType fieldType = map ? type.getContentType() : fields.get(field.getKey());
            if (fieldType == null) {
                return Optional.of(new InvalidInputException(where.isEmpty() ? "body" : where,
                        "is not a known field" + known(fields.keySet())));
            }
            Optional<InvalidInputException> found = unknownField(field.getValue(), fieldType, where);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A record's fields by JSON name, as Jackson reads them (mix-ins included); null if it ignores unknown ones. */
    private Map<String, JavaType> fields(JavaType type) {
        DeserializationConfig config = json.getDeserializationConfig();
        BeanDescription bean = config.introspect(type);
        if (config.getDefaultPropertyIgnorals(type.getRawClass(), bean.getClassInfo()).getIgnoreUnknown()) {
            return null;
        }
        Map<String, JavaType> fields = new HashMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            fields.put(property.getName(), property.getPrimaryType());
        }
        return fields;
    }

    /** The field a Jackson failure is about, by its path, with what is wrong with it. */
    static InvalidInputException located(JacksonException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        InvalidInputException invalid = cause(e, InvalidInputException.class);
        if (invalid != null) {
            return invalid.within(path);
        }
        if (path.isEmpty() && e.getProcessor() instanceof JsonParser parser && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new InvalidInputException(path(parser.getParsingContext().pathAsPointer()),
                    "appears twice in one object");
        }
        String field = path.isEmpty() ? "body" : path;
        if (cause(e, StreamConstraintsException.class) != null) {
            return new InvalidInputException(field, "exceeds a limit of the JSON reader: "
                    + cause(e, StreamConstraintsException.class).getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidInputException(field, "is not a known field" + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new InvalidInputException(field, "must be one of " + List.of(format.getTargetType()
                    .getEnumConstants()).stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new InvalidInputException(field, "is not valid: " + cause.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && !path.isEmpty()) {
            return new InvalidInputException(field, "must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && body(mismatch)) {
            return new InvalidInputException("body", "a JSON object is required");
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return new InvalidInputException(field, "is not valid JSON: " + firstLine(message));
    }

    /** An empty body, or a top-level value that is not an object. */
    private static boolean body(MismatchedInputException mismatch) {
        return mismatch.getPath().isEmpty();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A JSON pointer ("/history/pairs/2/chosen") as a field path ("history.pairs[2].chosen"). */
    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String known(Collection<?> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        return "; known fields: " + new TreeSet<>(names.stream().map(Object::toString).toList()).stream()
                .collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()).stream().map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
