package io.pgenrm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.runtime.JsonPayloadTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachableJsonTypesTest {
    enum Colour { RED }

    record Leaf(Colour colour) {
    }

    record Tip(String text) {
    }

    static final class Holder {
        static int ignoredStatic;
        Tip tip;
    }

    record Root(List<Leaf> leaves, Map<String, Optional<Tip>> tips, Holder[] holders, int count, String name) {
    }

    @Test
    void walksComponentsGenericArgumentsArraysAndFields() {
        assertThat(ReachableJsonTypes.from(List.of(Root.class)))
                .containsExactlyInAnyOrder(Root.class, Leaf.class, Colour.class, Tip.class, Holder.class);
    }

    @Test
    void theRegisteredTypesNeedNothingUnregistered() {
        // Closed under reachability: registering a type without what its components hold would fail at run time.
        Set<Class<?>> registered = ReachableJsonTypes.registeredBy(JsonPayloadTypes.class);

        assertThat(ReachableJsonTypes.missing(ReachableJsonTypes.from(registered), registered)).isEmpty();
        assertThat(registered).hasSize(74);
    }
}
