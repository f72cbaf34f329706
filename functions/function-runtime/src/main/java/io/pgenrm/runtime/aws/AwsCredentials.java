package io.pgenrm.runtime.aws;

import java.time.Instant;
import java.util.Optional;

/**
 * Temporary credentials of the function's execution role. {@code sessionToken} is empty only for long-lived keys
 * (never the case inside Lambda); {@code expiration} is empty when the source does not say.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken,
        Optional<Instant> expiration) {
    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("AWS credentials need an access key id and a secret access key");
        }
    }

    /** Whether these credentials must be refreshed before signing at {@code now}. */
    boolean expiresBefore(Instant now) {
        return expiration.map(now::isAfter).orElse(false);
    }

    @Override
    public String toString() {
        // Records print every component; the secret and the token must never reach a log.
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
