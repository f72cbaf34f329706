package io.pgenrm.runtime;

import io.pgenrm.llm.RetryAfter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;

/**
 * Hands the inference endpoint's Retry-After (on a 429 or 503, in seconds or as an HTTP date) to the judge's
 * {@link RetryAfter}, which every call then waits out. The exceptions LangChain4j makes of an error answer keep its
 * status and body but not its headers, hence a response filter on the REST client. Found by the ServiceLoader, like
 * {@link InferenceConnectionPool}.
 */
@RegisterForReflection
public class InferenceRetryAfter implements RestClientBuilderListener, ClientResponseFilter {
    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        builder.register(this);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        // A request that got no answer (a timeout) reaches the filter without headers.
        MultivaluedMap<String, String> headers = status == 429 || status == 503 ? response.getHeaders() : null;
        String header = headers == null ? null : headers.getFirst("Retry-After");
        if (header != null && Arc.container() != null) {
            parse(header.strip()).ifPresent(wait -> {
                try (InstanceHandle<RetryAfter> retryAfter = Arc.container().instance(RetryAfter.class)) {
                    if (retryAfter.isAvailable()) {
                        retryAfter.get().requested(wait);
                    }
                }
            });
        }
    }

    static Optional<Duration> parse(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }
}
