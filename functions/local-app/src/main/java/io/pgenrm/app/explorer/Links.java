package io.pgenrm.app.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The explorer's addresses, built in one place with every id encoded. */
final class Links {
    static final String RUNS = "/";
    static final String USERS = "/users";
    static final String TRY = "/try";

    private Links() {
    }

    static String run(String runId) {
        return "/runs/" + segment(runId);
    }

    static String report(String runId) {
        return run(runId) + "/report";
    }

    static String reportJson(String runId) {
        return run(runId) + "/report.json";
    }

    static String item(String runId, String itemId) {
        return run(runId) + "/items/" + segment(itemId);
    }

    static String user(String userId) {
        return query(USERS, Map.of("user", userId));
    }

    static String userPanel(String userId) {
        return query(USERS + "/panel", Map.of("user", userId));
    }

    /** {@code path} with the non-empty parameters as its query, in their order. */
    static String query(String path, Map<String, String> parameters) {
        Map<String, String> present = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                present.put(k, v);
            }
        });
        if (present.isEmpty()) {
            return path;
        }
        return path + "?" + present.entrySet().stream().map(e -> e.getKey() + "=" + component(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String segment(String value) {
        return component(value);
    }

    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
