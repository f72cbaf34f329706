package io.pgenrm.app.explorer;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.workflow.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Users and prototypes page: the map (users' embeddings on their first two principal components, coloured by
 * prototype), a legend with each prototype's size, and the panel of the selected user.
 */
public record UsersView(int width, int height, List<Point> points, List<PrototypeView> prototypes, String explained,
        String users, int undrawn, UserPanel panel, String search) {

    public record Point(String userId, String href, String cx, String cy, String colour, int prototypeId,
            boolean selected) {
    }

    public record PrototypeView(int id, String colour, int members) {
    }

    /** The selected user: prototype, history size, profile, persona, and the nearest users Pro-M would sample. */
    public record UserPanel(String userId, boolean known, String prototype, String colour, int historySize,
            List<String> profile, ChainView.PersonaView persona, List<Neighbour> neighbours, String tryHref) {
    }

    public record Neighbour(String userId, String href, String similarity, String colour, boolean samePrototype) {
    }

    static final int NEIGHBOURS = 8;

    static UsersView of(Population population, UserMap.Drawn drawn, UserPanel panel, String search) {
        String selected = panel == null ? null : panel.userId();
        List<Point> points = drawn.dots().stream().map(d -> new Point(d.userId(), Links.user(d.userId()),
                Numbers.fixed(d.x(), 1), Numbers.fixed(d.y(), 1), colour(d.prototypeId()), d.prototypeId(),
                d.userId().equals(selected))).toList();
        List<PrototypeView> prototypes = population.index().prototypes().stream()
                .map(p -> new PrototypeView(p.id(), colour(p.id()), p.members().size())).toList();
        return new UsersView(UserMap.WIDTH, UserMap.HEIGHT, points, prototypes, drawn.explained(),
                Numbers.count(population.users().size()), population.users().size() - points.size(), panel,
                search == null ? "" : search);
    }

    static UserPanel panel(Population population, UserMap.Drawn drawn, String userId, Persona persona) {
        UserHistory history = population.users().get(userId);
        Integer prototypeId = drawn.prototypeOf().get(userId);
        if (history == null && prototypeId == null) {
            return new UserPanel(userId, false, "none", colour(-1), 0, List.of(), ChainView.PersonaView.of(persona),
                    List.of(), Links.query(Links.TRY, Map.of("user", userId)));
        }
        List<String> profile = new ArrayList<>();
        if (history != null) {
            history.profile().demographics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> profile.add(e.getKey() + ": " + e.getValue()));
            history.profile().statedPreferences().forEach(p -> profile.add("states: " + p));
            history.profile().feedback().forEach(f -> profile.add("feedback: " + f));
        }
        List<Neighbour> neighbours = new ArrayList<>();
        PrototypeIndex index = population.index();
        double[] embedding = index.embeddings().get(userId);
        if (embedding != null) {
            for (PrototypeIndex.Ranked.Member m : index.match(userId, embedding, NEIGHBOURS).members()) {
                int theirs = drawn.prototypeOf().getOrDefault(m.userId(), -1);
                neighbours.add(new Neighbour(m.userId(), Links.user(m.userId()), Numbers.fixed(m.similarity(), 3),
                        colour(theirs), prototypeId != null && theirs == prototypeId));
            }
        }
        return new UserPanel(userId, true, prototypeId == null ? "none" : Integer.toString(prototypeId),
                colour(prototypeId == null ? -1 : prototypeId), history == null ? 0 : history.pairs().size(), profile,
                ChainView.PersonaView.of(persona), neighbours, Links.query(Links.TRY, Map.of("user", userId)));
    }

    /** One of ten colour classes per prototype; users outside every prototype are grey. */
    static String colour(int prototypeId) {
        return prototypeId < 0 ? "pn" : "p" + (prototypeId % 10);
    }
}
