package io.pgenrm.domain;

import java.util.List;

/** Edge checks for records; every failure names the field so callers can answer with a 4xx. */
public final class Validation {
    private Validation() {
    }

    public static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidInputException(field, problem);
        }
    }

    public static <T> List<T> copyOf(List<T> list, String field) {
        require(list != null, field, "is required");
        for (int i = 0; i < list.size(); i++) {
            require(list.get(i) != null, field + "[" + i + "]", "must not be null");
        }
        return List.copyOf(list);
    }

    /** An absent list is empty; a null element is a client error naming its index. */
    public static <T> List<T> copyOrEmpty(List<T> list, String field) {
        return list == null ? List.of() : copyOf(list, field);
    }
}
