package io.pgenrm.app;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks every HTTP request for the API key when one is set ({@code PGENRM_API_KEY}). {@link HttpListener} refuses to
 * listen beyond loopback without one, so only a loopback-only server ever answers without a key. The key is read
 * from {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY} and compared in constant time.
 *
 * <p>A browser cannot send a header on every page, so the chain explorer's login page
 * ({@code io.pgenrm.app.explorer.LoginRoutes}) takes the key once and sets the {@value #SESSION_COOKIE} cookie
 * (HttpOnly, SameSite=Strict), which is accepted like the key. The cookie holds an HMAC of the key, not the key, and
 * stops working when the key changes. Only the login page and its stylesheet and icons answer without either, and a
 * browser asking for a page without them is sent to the login page instead of getting a 401.
 */
@ApplicationScoped
public class ApiKeyGuard {
    static final String HEADER = "X-API-Key";
    public static final String SESSION_COOKIE = "pgenrm_session";
    public static final String LOGIN_PATH = "/login";
    /** The login page's stylesheet and icon live here, so nothing under it may need the key. */
    public static final String PUBLIC_ASSETS = "/assets/";
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> key;
    private final Optional<byte[]> session;

    ApiKeyGuard(@ConfigProperty(name = "pgenrm.api-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
        this.session = this.key.map(ApiKeyGuard::sessionToken);
    }

    /** Whether requests need the key; without one every request is let through. */
    public boolean keyRequired() {
        return key.isPresent();
    }

    /** The session cookie's value for a browser that presented the right key; empty for a wrong key or no key set. */
    public Optional<String> sessionFor(String presentedKey) {
        return key.isPresent() && accepts(presentedKey)
                ? session.map(token -> new String(token, StandardCharsets.US_ASCII)) : Optional.empty();
    }

    private static byte[] sessionToken(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal("pgenrm chain explorer session".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(tag).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    void install(@Observes Router router) {
        if (key.isPresent()) {
            router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (accepts(presented(context)) || acceptsSession(context.request().getCookie(SESSION_COOKIE))
                || path.equals(LOGIN_PATH) || path.startsWith(PUBLIC_ASSETS)) {
            context.next();
            return;
        }
        String accept = context.request().getHeader("Accept");
        if (context.request().method() == HttpMethod.GET && accept != null && accept.contains("text/html")) {
            context.response().setStatusCode(303).putHeader("Location", LOGIN_PATH + "?next="
                    + URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8)).end();
            return;
        }
        context.response().setStatusCode(401).putHeader("content-type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end("{\"error\":\"an API key is required: send it as 'Authorization: Bearer KEY' or '"
                        + HEADER + ": KEY'\"}");
    }

    private static String presented(RoutingContext context) {
        String header = context.request().getHeader(HEADER);
        if (header != null) {
            return header;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }

    /** Constant time, like {@link #accepts}. */
    boolean acceptsSession(Cookie cookie) {
        return session.isPresent() && cookie != null
                && MessageDigest.isEqual(session.get(), cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }

    /** Constant time in the presented key's content, so timing tells nothing about how much of it matched. */
    boolean accepts(String presented) {
        return key.map(expected -> presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))).orElse(true);
    }
}
