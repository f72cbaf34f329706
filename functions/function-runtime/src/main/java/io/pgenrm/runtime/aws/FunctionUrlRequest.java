package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The event a Lambda function URL sends (payload format 2.0), as far as the reward API reads it: method, path and
 * body. AWS's envelope carries many more fields (headers, caller identity, timings) that nothing here reads, so
 * unknown fields are ignored on this type only; the body itself is read strictly.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionUrlRequest(String rawPath, RequestContext requestContext, String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Http http) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path) {
    }

    public String method() {
        return requestContext == null || requestContext.http() == null || requestContext.http().method() == null
                ? "" : requestContext.http().method();
    }

    public String path() {
        return rawPath != null ? rawPath : requestContext == null || requestContext.http() == null ? ""
                : requestContext.http().path();
    }

    /** The body as text; AWS base64-encodes bodies it does not take for text. */
    public String text() {
        return body == null || !isBase64Encoded ? body
                : new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
}
