package io.pgenrm.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The signer against the worked examples of the AWS documentation, whose expected values are published there. */
class SignatureV4Test {
    @Test
    void signsTheIamListUsersExampleOfTheSigV4Documentation() {
        SignatureV4 signer = new SignatureV4("us-east-1", "iam");
        URI uri = URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08");
        AwsCredentials example = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                Optional.empty(), Optional.empty());
        Instant at = Instant.parse("2015-08-30T12:36:00Z");

        TreeMap<String, String> canonicalHeaders = new TreeMap<>(Map.of(
                "content-type", "application/x-www-form-urlencoded; charset=utf-8",
                "host", "iam.amazonaws.com", "x-amz-date", "20150830T123600Z"));
        assertThat(signer.canonicalRequestHash("GET", uri, "Action=ListUsers&Version=2010-05-08", canonicalHeaders,
                SignatureV4.EMPTY_PAYLOAD_HASH))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");

        Map<String, String> headers = signer.signHeaders("GET", uri,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), new byte[0], example, at);
        assertThat(headers.get("authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        assertThat(headers).containsEntry("x-amz-date", "20150830T123600Z").doesNotContainKey("host")
                .doesNotContainKey("x-amz-security-token");
    }

    @Test
    void presignsTheS3QueryAuthenticationExample() {
        SignatureV4 signer = new SignatureV4("us-east-1", "s3");
        AwsCredentials example = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                Optional.empty(), Optional.empty());

        String query = signer.presignQuery("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of(), Duration.ofSeconds(86400), "UNSIGNED-PAYLOAD", example, Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(query).isEqualTo("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    @Test
    void temporaryCredentialsSignTheirSessionToken() {
        AwsCredentials temporary = new AwsCredentials("ASIAEXAMPLE", "secret", Optional.of("token/with+chars="),
                Optional.empty());
        Map<String, String> headers = new SignatureV4("eu-west-1", "secretsmanager").signHeaders("POST",
                URI.create("https://secretsmanager.eu-west-1.amazonaws.com/"), Map.of("X-Amz-Target", "x"),
                "{}".getBytes(), temporary, Instant.parse("2025-01-02T03:04:05Z"));

        assertThat(headers).containsEntry("x-amz-security-token", "token/with+chars=");
        assertThat(headers.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20250102/eu-west-1/secretsmanager/aws4_request, ")
                .contains("SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target, ");
    }

    @Test
    void percentEncodesEverythingButUnreservedCharacters() {
        assertThat(SignatureV4.encode("a-Z_0.9~ /+=:é")).isEqualTo("a-Z_0.9~%20%2F%2B%3D%3A%C3%A9");
        assertThat(SignatureV4.hostHeader(URI.create("https://db.example.com:5432/"))).isEqualTo("db.example.com:5432");
        assertThat(SignatureV4.hostHeader(URI.create("https://db.example.com:443/"))).isEqualTo("db.example.com");
    }
}
