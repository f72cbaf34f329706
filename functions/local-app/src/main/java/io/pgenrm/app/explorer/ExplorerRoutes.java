package io.pgenrm.app.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.app.ApiKeyGuard;
import io.pgenrm.app.EvaluateFunction;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.persistence.StoredRuns;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.workflow.Population;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The chain explorer, served by {@code pgenrm serve} at {@code /}: Runs, the Items of a run, One item with its
 * chains, Users and prototypes, and Try it. Pages are Qute templates rendered on worker threads (they wait for the
 * database); the few scripts and styles they use are served from {@code /assets/}. Its routes come before Funqy's,
 * which answers every other path with a function or a 404, and after {@link ApiKeyGuard}, which asks for the key.
 */
@ApplicationScoped
public class ExplorerRoutes {
    /** Before Funqy's route (which takes every path) and after ApiKeyGuard's. */
    static final int ORDER = -1000;
    private static final Logger LOG = Logger.getLogger(ExplorerRoutes.class);
    private static final int FORM_LIMIT = 1 << 20;
    private static final Map<String, String> ASSETS = Map.of("explorer.css", "text/css; charset=utf-8",
            "explorer.js", "text/javascript; charset=utf-8", "icon.svg", "image/svg+xml");

    @Inject
    StoredRuns runs;

    @Inject
    CurrentPopulation population;

    @Inject
    EvaluateFunction evaluator;

    @Inject
    ApiKeyGuard guard;

    @Inject
    ObjectMapper json;

    @Location("explorer/runs.html")
    Template runsPage;

    @Location("explorer/report.html")
    Template reportPage;

    @Location("explorer/items.html")
    Template itemsPage;

    @Location("explorer/item.html")
    Template itemPage;

    @Location("explorer/users.html")
    Template usersPage;

    @Location("explorer/user-panel.html")
    Template userPanel;

    @Location("explorer/try.html")
    Template tryPage;

    @Location("explorer/try-result.html")
    Template tryResult;

    @Location("explorer/error.html")
    Template errorPage;

    private final UserMap map = new UserMap();

    void install(@Observes Router router) {
        page(router, "/", this::runs);
        page(router, "/runs/:run", this::items);
        page(router, "/runs/:run/report", this::report);
        page(router, "/runs/:run/report.json", this::reportJson);
        page(router, "/runs/:run/items/:item", this::item);
        page(router, "/users", this::users);
        page(router, "/users/panel", this::userPanel);
        page(router, "/try", this::tryForm);
        router.post("/try").order(ORDER).handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT))
                .blockingHandler(safely(this::tryIt), false);
        for (Map.Entry<String, String> asset : ASSETS.entrySet()) {
            Buffer bytes = Buffer.buffer(resource("explorer-assets/" + asset.getKey()));
            router.get(ApiKeyGuard.PUBLIC_ASSETS + asset.getKey()).order(ORDER).handler(context -> HtmlResponses
                    .secure(context.response()).putHeader("Content-Type", asset.getValue())
                    .putHeader("Cache-Control", "no-cache").end(bytes));
        }
    }

    private void page(Router router, String path, Handler<RoutingContext> handler) {
        router.get(path).order(ORDER).blockingHandler(safely(handler), false);
    }

    private Handler<RoutingContext> safely(Handler<RoutingContext> handler) {
        return context -> {
            try {
                handler.handle(context);
            } catch (RuntimeException e) {
                LOG.errorf(e, "explorer page %s failed", context.request().path());
                if (!context.response().ended()) {
                    HtmlResponses.send(context, 500, render(errorPage, "", Map.of("title", "Something went wrong",
                            "message", e.getClass().getSimpleName() + ": " + e.getMessage())));
                }
            }
        };
    }

    private void runs(RoutingContext context) {
        List<RunView> views = runs.runs().stream().map(RunView::of).toList();
        HtmlResponses.send(context, 200, render(runsPage, "runs", Map.of("runs", views)));
    }

    private void report(RoutingContext context) {
        Optional<StoredRuns.Run> run = runs.run(context.pathParam("run"));
        if (run.isEmpty() || run.get().report() == null) {
            notFound(context, run.isEmpty() ? "No run " + context.pathParam("run") + " is stored."
                    : "Run " + context.pathParam("run") + " has no report yet: it has not finished.");
            return;
        }
        ReportView view = ReportView.of(RunView.of(run.get()), run.get().report());
        HtmlResponses.send(context, 200, render(reportPage, "runs", Map.of("page", view)));
    }

    private void reportJson(RoutingContext context) {
        Optional<String> report = runs.reportJson(context.pathParam("run"));
        if (report.isEmpty()) {
            notFound(context, "Run " + context.pathParam("run") + " has no stored report.");
            return;
        }
        HtmlResponses.secure(context.response()).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(report.get());
    }

    private void items(RoutingContext context) {
        String runId = context.pathParam("run");
        Optional<StoredRuns.Run> run = runs.run(runId);
        if (run.isEmpty()) {
            notFound(context, "No run " + runId + " is stored.");
            return;
        }
        ItemQuery query = ItemQuery.parse(context.queryParams()::get);
        StoredRuns.ItemPage page = runs.items(runId, query.filter(), query.itemOrder(), query.page(), query.size());
        if (page.items().isEmpty() && query.page() > 0 && page.matching() > 0) {
            // A page past the end (the filter changed under a bookmarked link): show the last one.
            page = runs.items(runId, query.filter(), query.itemOrder(), page.pages() - 1, query.size());
        }
        ItemsView view = ItemsView.of(RunView.of(run.get()), run.get().counts(), query, page);
        HtmlResponses.send(context, query.problems().isEmpty() ? 200 : 400,
                render(itemsPage, "runs", Map.of("page", view)));
    }

    private void item(RoutingContext context) {
        String runId = context.pathParam("run");
        String itemId = context.pathParam("item");
        Optional<StoredRuns.Run> run = runs.run(runId);
        Optional<StoredRuns.Item> item = run.isEmpty() ? Optional.empty() : runs.item(runId, itemId);
        if (item.isEmpty()) {
            notFound(context, run.isEmpty() ? "No run " + runId + " is stored."
                    : "Run " + runId + " has no item " + itemId + ".");
            return;
        }
        String back = context.queryParams().get("back");
        ItemView view = ItemView.of(RunView.of(run.get()), run.get(), item.get(),
                back != null && back.startsWith(Links.run(runId)) ? HtmlResponses.localPath(back) : Links.run(runId));
        HtmlResponses.send(context, 200, render(itemPage, "runs", Map.of("page", view)));
    }

    private void users(RoutingContext context) {
        Population served = population.get();
        UserMap.Drawn drawn = map.of(served);
        String selected = context.queryParams().get("user");
        UsersView.UserPanel panel = selected == null || selected.isBlank() ? null : panel(served, drawn,
                selected.strip());
        UsersView view = UsersView.of(served, drawn, panel, selected);
        HtmlResponses.send(context, panel != null && !panel.known() ? 404 : 200,
                render(usersPage, "users", Map.of("page", view)));
    }

    private void userPanel(RoutingContext context) {
        String user = context.queryParams().get("user");
        if (user == null || user.isBlank()) {
            notFound(context, "Name a user: /users/panel?user=ID");
            return;
        }
        Population served = population.get();
        UsersView.UserPanel panel = panel(served, map.of(served), user.strip());
        HtmlResponses.send(context, panel.known() ? 200 : 404, render(userPanel, "users", Map.of("panel", panel)));
    }

    private UsersView.UserPanel panel(Population served, UserMap.Drawn drawn, String userId) {
        UserHistory history = served.users().get(userId);
        Persona persona = runs.persona(userId, history == null ? "" : history.version()).orElse(null);
        return UsersView.panel(served, drawn, userId, persona);
    }

    private void tryForm(RoutingContext context) {
        String user = context.queryParams().get("user");
        List<String> users = storedUsers();
        TryForm form = TryForm.example(user != null && !user.isBlank() ? user.strip()
                : users.isEmpty() ? null : users.get(0));
        HtmlResponses.send(context, 200, render(tryPage, "try", Map.of("page", tryView(form, users, null, null))));
    }

    private void tryIt(RoutingContext context) {
        if (!HtmlResponses.sameOrigin(context)) {
            HtmlResponses.send(context, 403, render(errorPage, "try", Map.of("title", "Refused",
                    "message", "The form was sent from another site.")));
            return;
        }
        TryForm form = TryForm.read(context.request()::getFormAttribute);
        List<String> users = storedUsers();
        boolean fragment = "explorer".equals(context.request().getHeader("X-Requested-With"));
        TryView view;
        int status = 200;
        try {
            EvaluateRequest request = form.request(json);
            EvaluationResult result = evaluator.evaluate(request);
            view = tryView(form, users, null, new Evaluated(request, result));
        } catch (InvalidInputException e) {
            status = 400;
            view = tryView(form, users, e.getMessage(), null);
        }
        HtmlResponses.send(context, status, fragment ? render(tryResult, "try", Map.of("page", view))
                : render(tryPage, "try", Map.of("page", view)));
    }

    private record Evaluated(EvaluateRequest request, EvaluationResult result) {
    }

    private TryView tryView(TryForm form, List<String> users, String error, Evaluated evaluated) {
        List<String> listed = users.size() > TryView.LISTED_USERS ? users.subList(0, TryView.LISTED_USERS) : users;
        if (evaluated == null) {
            return new TryView(form, listed, users.size() - listed.size(), error, null, List.of(), null);
        }
        var scenario = evaluated.request().scenario();
        return new TryView(form, listed, users.size() - listed.size(), null, scenario.prompt(),
                CandidateView.of(scenario.candidates(), evaluated.result(), null),
                ResultView.of(evaluated.result(), evaluated.request().scaling(), scenario.candidates().size()));
    }

    private List<String> storedUsers() {
        return population.get().users().keySet().stream().sorted().toList();
    }

    private void notFound(RoutingContext context, String message) {
        HtmlResponses.send(context, 404, render(errorPage, "", Map.of("title", "Not found", "message", message)));
    }

    private String render(Template template, String nav, Map<String, Object> data) {
        var instance = template.data("nav", nav).data("keyRequired", guard.keyRequired());
        data.forEach(instance::data);
        return instance.render();
    }

    private static byte[] resource(String path) {
        try (InputStream in = ExplorerRoutes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
