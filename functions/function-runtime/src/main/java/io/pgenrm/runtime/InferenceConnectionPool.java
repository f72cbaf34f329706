package io.pgenrm.runtime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;

/**
 * Sizes the HTTP connection pool of the inference client. Quarkus LangChain4j builds its REST client
 * programmatically, so the global rest-client pool setting never reaches it and the pool stays at 50 connections:
 * fewer than the calls pgenrm keeps in flight, which would cap throughput below the endpoint's own limit.
 * Found by the ServiceLoader, hence registered for reflection and its service file as a native resource.
 */
@RegisterForReflection
public class InferenceConnectionPool implements RestClientBuilderListener {
    static final String POOL_SIZE = "io.quarkus.rest.client.connection-pool-size";

    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        int connections = ConfigProvider.getConfig().getOptionalValue("pgenrm.llm.connections", Integer.class)
                .orElseGet(() -> 2 * ConfigProvider.getConfig().getOptionalValue("pgenrm.max-in-flight", Integer.class)
                        .orElse(16));
        builder.property(POOL_SIZE, Math.max(connections, 1));
    }
}
