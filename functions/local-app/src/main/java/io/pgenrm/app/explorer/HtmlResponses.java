package io.pgenrm.app.explorer;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How every explorer page is sent. The Content-Security-Policy lets a page load scripts, styles, images and data
 * from this server only, with no inline script or style, so nothing in a page, stored text included, can make the
 * browser reach another host or run code the explorer did not ship.
 */
final class HtmlResponses {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private HtmlResponses() {
    }

    static void send(RoutingContext context, int status, String html) {
        secure(context.response().setStatusCode(status)).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(html);
    }

    static void redirect(RoutingContext context, String location) {
        secure(context.response().setStatusCode(303)).putHeader("Location", location).end();
    }

    static HttpServerResponse secure(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", POLICY).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin").putHeader("X-Frame-Options", "DENY");
    }

    /**
     * Whether a form post comes from a page of this server. Browsers name the page's origin on every POST; one from
     * another site is refused, so a page elsewhere cannot make a signed-in browser run evaluations here.
     */
    static boolean sameOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        HostAndPort ours = context.request().authority();
        try {
            URI theirs = new URI(origin);
            return ours != null && theirs.getHost() != null && theirs.getHost().equalsIgnoreCase(ours.host())
                    && theirs.getPort() == ours.port();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A path on this server to go to after signing in: anything else (another host, a scheme) goes to the Runs page. */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return Links.RUNS;
        }
        return next;
    }
}
