package io.pgenrm.runtime.aws;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one region and service: signed headers for API calls, and presigned query strings
 * (what an RDS IAM auth token is). Written against the JDK alone so the functions need no AWS SDK; the paths signed
 * here are plain ASCII, so the path is used as given (no second encoding).
 */
public final class SignatureV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_PAYLOAD_HASH = hex(sha256(new byte[0]));

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String region;
    private final String service;

    public SignatureV4(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * The headers to send with a request: {@code headers} (all signed), x-amz-date, x-amz-security-token for
     * temporary credentials, and authorization. Host is signed but not returned: the HTTP client sends it.
     */
    public Map<String, String> signHeaders(String method, URI uri, Map<String, String> headers, byte[] body,
            AwsCredentials credentials, Instant now) {
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        signed.put("host", hostHeader(uri));
        signed.put("x-amz-date", AMZ_DATE.format(now));
        credentials.sessionToken().ifPresent(token -> signed.put("x-amz-security-token", token));

        String signature = signature(method, uri, canonicalQuery(parseQuery(uri.getRawQuery())), signed,
                hex(sha256(body)), credentials, now);
        Map<String, String> out = new LinkedHashMap<>(signed);
        out.remove("host");
        out.put("authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope(now)
                + ", SignedHeaders=" + String.join(";", signed.keySet()) + ", Signature=" + signature);
        return out;
    }

    /**
     * A query string (no leading '?') that authorizes {@code method uri} until {@code now + expires}: the given
     * parameters plus the X-Amz-* ones, host being the only signed header.
     */
    public String presignQuery(String method, URI uri, Map<String, String> parameters, Duration expires,
            String payloadHash, AwsCredentials credentials, Instant now) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("X-Amz-Algorithm", ALGORITHM);
        query.put("X-Amz-Credential", credentials.accessKeyId() + "/" + scope(now));
        query.put("X-Amz-Date", AMZ_DATE.format(now));
        query.put("X-Amz-Expires", Long.toString(expires.toSeconds()));
        credentials.sessionToken().ifPresent(token -> query.put("X-Amz-Security-Token", token));
        query.put("X-Amz-SignedHeaders", "host");
        String canonical = canonicalQuery(query);
        String signature = signature(method, uri, canonical, new TreeMap<>(Map.of("host", hostHeader(uri))),
                payloadHash, credentials, now);
        return canonical + "&X-Amz-Signature=" + signature;
    }

    /** The hex SHA-256 of the canonical request; exposed so the reference vectors can be checked step by step. */
    String canonicalRequestHash(String method, URI uri, String canonicalQuery, TreeMap<String, String> headers,
            String payloadHash) {
        return hex(sha256(canonicalRequest(method, uri, canonicalQuery, headers, payloadHash)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private String signature(String method, URI uri, String canonicalQuery, TreeMap<String, String> headers,
            String payloadHash, AwsCredentials credentials, Instant now) {
        String stringToSign = ALGORITHM + "\n" + AMZ_DATE.format(now) + "\n" + scope(now) + "\n"
                + canonicalRequestHash(method, uri, canonicalQuery, headers, payloadHash);
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8),
                SCOPE_DATE.format(now));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static String canonicalRequest(String method, URI uri, String canonicalQuery,
            TreeMap<String, String> headers, String payloadHash) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':')
                .append(value.trim().replaceAll(" +", " ")).append('\n'));
        return method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + String.join(";", headers.keySet()) + "\n" + payloadHash;
    }

    private String scope(Instant now) {
        return SCOPE_DATE.format(now) + "/" + region + "/" + service + "/aws4_request";
    }

    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static String canonicalQuery(Map<String, String> parameters) {
        List<String[]> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(new String[] {encode(name), encode(value)}));
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** RFC 3986 percent-encoding as SigV4 requires: only A-Z a-z 0-9 - _ . ~ stay literal. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
