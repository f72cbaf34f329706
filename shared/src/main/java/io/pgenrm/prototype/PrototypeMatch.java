package io.pgenrm.prototype;

import io.pgenrm.domain.Validation;
import java.util.List;

/** The prototype nearest to a user and its most similar members (never the user themself). */
public record PrototypeMatch(int prototypeId, double similarity, List<Neighbour> neighbours) {
    public static final int NONE = -1;

    public PrototypeMatch {
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
    }

    public static PrototypeMatch none() {
        return new PrototypeMatch(NONE, 0, List.of());
    }
}
