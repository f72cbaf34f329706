package io.pgenrm.api;

import io.pgenrm.domain.Validation;
import java.util.List;

/** Output of {@code matchPrototype} on Step Functions: the prototype and its neighbours, each by stored history. */
public record StoredPrototypeMatch(int prototypeId, double similarity, List<NeighbourRef> neighbours) {
    public StoredPrototypeMatch {
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
    }
}
