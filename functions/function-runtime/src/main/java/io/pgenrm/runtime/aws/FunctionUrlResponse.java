package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** What a Lambda behind a function URL returns (payload format 2.0): status, headers and a text body. */
public record FunctionUrlResponse(int statusCode, Map<String, String> headers, String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
    public static FunctionUrlResponse json(int statusCode, String body) {
        return new FunctionUrlResponse(statusCode, Map.of("content-type", "application/json"), body, false);
    }
}
