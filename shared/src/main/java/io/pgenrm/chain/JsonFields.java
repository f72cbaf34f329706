package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** Looks up JSON members the way models name them: exact key first, then ignoring case, spaces and punctuation. */
final class JsonFields {
    private JsonFields() {
    }

    /** The member's value, or null when absent or JSON null. */
    static JsonNode field(JsonNode object, String... names) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode exact = object.get(name);
            if (exact != null && !exact.isNull()) {
                return exact;
            }
        }
        for (String name : names) {
            String wanted = squash(name);
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (squash(member.getKey()).equals(wanted) && !member.getValue().isNull()) {
                    return member.getValue();
                }
            }
        }
        return null;
    }

    /** The name the member found by {@link #field} is filed under, or null. */
    static String name(JsonNode object, String wanted) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(wanted);
        if (exact != null && !exact.isNull()) {
            return wanted;
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (squash(member.getKey()).equals(squash(wanted)) && !member.getValue().isNull()) {
                return member.getKey();
            }
        }
        return null;
    }

    /** Text of a scalar member, or the JSON of a structured one; empty when absent. */
    static String text(JsonNode object, String... names) {
        JsonNode value = field(object, names);
        if (value == null) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Lower case letters and digits only: "Better Response" and "better_response" squash alike. */
    static String squash(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
