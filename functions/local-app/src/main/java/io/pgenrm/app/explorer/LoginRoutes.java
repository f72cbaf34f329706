package io.pgenrm.app.explorer;

import io.pgenrm.app.ApiKeyGuard;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Signing a browser in: the login page takes the API key once and answers with the session cookie
 * {@link ApiKeyGuard} accepts on every later request, HttpOnly (no script can read it) and SameSite=Strict (no other
 * site's page can send it). Signing out clears it. Without a key set, there is nothing to sign in to.
 */
@ApplicationScoped
public class LoginRoutes {
    private static final int FORM_LIMIT = 8 * 1024;

    @Inject
    ApiKeyGuard guard;

    @Location("explorer/login.html")
    Template loginPage;

    void install(@Observes Router router) {
        router.get(ApiKeyGuard.LOGIN_PATH).order(ExplorerRoutes.ORDER).handler(context -> HtmlResponses.send(context,
                200, page(context.queryParams().get("next"), null)));
        router.post(ApiKeyGuard.LOGIN_PATH).order(ExplorerRoutes.ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT)).handler(this::signIn);
        router.post("/logout").order(ExplorerRoutes.ORDER).handler(this::signOut);
    }

    private void signIn(RoutingContext context) {
        String next = HtmlResponses.localPath(context.request().getFormAttribute("next"));
        if (!HtmlResponses.sameOrigin(context)) {
            HtmlResponses.send(context, 403, page(next, "The form was sent from another site."));
            return;
        }
        if (!guard.keyRequired()) {
            HtmlResponses.redirect(context, next);
            return;
        }
        Optional<String> session = guard.sessionFor(context.request().getFormAttribute("key"));
        if (session.isEmpty()) {
            HtmlResponses.send(context, 401, page(next, "That is not this server's API key."));
            return;
        }
        context.response().addCookie(Cookie.cookie(ApiKeyGuard.SESSION_COOKIE, session.get()).setPath("/")
                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(context.request().isSSL()));
        HtmlResponses.redirect(context, next);
    }

    private void signOut(RoutingContext context) {
        if (!HtmlResponses.sameOrigin(context)) {
            HtmlResponses.send(context, 403, page(Links.RUNS, "The form was sent from another site."));
            return;
        }
        context.response().addCookie(Cookie.cookie(ApiKeyGuard.SESSION_COOKIE, "").setPath("/").setMaxAge(0)
                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
        HtmlResponses.redirect(context, ApiKeyGuard.LOGIN_PATH);
    }

    private String page(String next, String error) {
        return loginPage.data("nav", "").data("keyRequired", guard.keyRequired())
                .data("next", HtmlResponses.localPath(next)).data("error", error).render();
    }
}
