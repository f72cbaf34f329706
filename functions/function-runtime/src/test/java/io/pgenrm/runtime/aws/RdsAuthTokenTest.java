package io.pgenrm.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Token layout as `aws rds generate-db-auth-token` prints it: host:port/?Action=connect&DBUser=...&X-Amz-... */
class RdsAuthTokenTest {
    private static final Instant AT = Instant.parse("2018-07-31T23:52:09Z");

    @Test
    void hasTheLayoutOfTheCliToken() {
        String token = RdsAuthToken.generate("pgenrm-db.proxy-abc.us-east-1.rds.amazonaws.com", 5432, "jane_doe",
                "us-east-1", new AwsCredentials("AKIAIESZCNJ3OEXAMPLE", "secret", Optional.empty(), Optional.empty()),
                AT);

        assertThat(token).matches("pgenrm-db\\.proxy-abc\\.us-east-1\\.rds\\.amazonaws\\.com:5432/\\?Action=connect"
                + "&DBUser=jane_doe&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIESZCNJ3OEXAMPLE%2F20180731%2Fus-east-1%2Frds-db%2Faws4_request"
                + "&X-Amz-Date=20180731T235209Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=[0-9a-f]{64}");
    }

    @Test
    void signsTheSessionTokenOfTemporaryCredentials() {
        String token = RdsAuthToken.generate("h", 5432, "u", "eu-west-1",
                new AwsCredentials("ASIAEXAMPLE", "secret", Optional.of("IQoJb3/+="), Optional.empty()), AT);

        assertThat(token).contains("&X-Amz-Security-Token=IQoJb3%2F%2B%3D&X-Amz-SignedHeaders=host&X-Amz-Signature=");
    }

    @Test
    void dependsOnTheSecretKey() {
        AwsCredentials one = new AwsCredentials("AKID", "one", Optional.empty(), Optional.empty());
        AwsCredentials two = new AwsCredentials("AKID", "two", Optional.empty(), Optional.empty());
        assertThat(RdsAuthToken.generate("h", 5432, "u", "us-east-1", one, AT))
                .isNotEqualTo(RdsAuthToken.generate("h", 5432, "u", "us-east-1", two, AT));
    }
}
