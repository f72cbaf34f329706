package io.pgenrm.app.explorer;

import io.pgenrm.prototype.PrincipalPlane;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.workflow.Population;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The population drawn as a map: every user with an embedding at their place on the first two principal components,
 * in SVG coordinates, with their prototype. Computed once per population (the map of 10,000 users costs seconds),
 * and again only when the served population is replaced.
 */
final class UserMap {
    static final int WIDTH = 720;
    static final int HEIGHT = 480;
    private static final int PAD = 18;

    record Dot(String userId, int prototypeId, double x, double y) {
    }

    record Drawn(List<Dot> dots, Map<String, Integer> prototypeOf, String explained) {
    }

    private record Held(Population population, Drawn drawn) {
    }

    private final AtomicReference<Held> held = new AtomicReference<>();

    Drawn of(Population population) {
        Held current = held.get();
        if (current != null && current.population() == population) {
            return current.drawn();
        }
        Drawn drawn = draw(population);
        held.set(new Held(population, drawn));
        return drawn;
    }

    private static Drawn draw(Population population) {
        Map<String, Integer> prototypeOf = new HashMap<>();
        for (Prototype prototype : population.index().prototypes()) {
            prototype.members().forEach(member -> prototypeOf.put(member, prototype.id()));
        }
        Map<String, double[]> embeddings = new TreeMap<>();
        population.index().embeddings().forEach((user, vector) -> {
            if (vector != null && vector.length > 0) {
                embeddings.put(user, vector);
            }
        });
        if (embeddings.isEmpty()) {
            return new Drawn(List.of(), prototypeOf, "");
        }
        PrincipalPlane plane = PrincipalPlane.of(embeddings);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (PrincipalPlane.Point p : plane.points().values()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        List<Dot> dots = new ArrayList<>();
        for (Map.Entry<String, PrincipalPlane.Point> e : plane.points().entrySet()) {
            PrincipalPlane.Point p = e.getValue();
            // Up is the second component's positive side, as on a plot.
            double x = PAD + (p.x() - minX) / spanX * (WIDTH - 2 * PAD);
            double y = HEIGHT - PAD - (p.y() - minY) / spanY * (HEIGHT - 2 * PAD);
            dots.add(new Dot(e.getKey(), prototypeOf.getOrDefault(e.getKey(), -1), x, y));
        }
        return new Drawn(List.copyOf(dots), Map.copyOf(prototypeOf), "First component "
                + Numbers.percent(plane.xExplained()) + " of the variance, second " + Numbers.percent(plane.yExplained()));
    }
}
