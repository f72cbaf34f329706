package io.pgenrm.runtime.aws;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RDS IAM authentication token: a SigV4-presigned "connect" request for {@code user} at {@code host:port},
 * used as the password. It is checked only when a connection is opened, so it is generated per new connection.
 */
public final class RdsAuthToken {
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private RdsAuthToken() {
    }

    public static String generate(String host, int port, String user, String region, AwsCredentials credentials,
            Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "connect");
        parameters.put("DBUser", user);
        String query = new SignatureV4(region, "rds-db").presignQuery("GET", URI.create("https://" + host + ":" + port + "/"),
                parameters, LIFETIME, SignatureV4.EMPTY_PAYLOAD_HASH, credentials, now);
        return host + ":" + port + "/?" + query;
    }
}
