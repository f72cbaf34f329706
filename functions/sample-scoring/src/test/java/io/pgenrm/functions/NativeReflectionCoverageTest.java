package io.pgenrm.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.runtime.JsonPayloadTypes;
import io.pgenrm.testing.ReachableJsonTypes;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A native image reflects only on registered types: every type this module's @Funq methods read or write must be. */
class NativeReflectionCoverageTest {
    @Test
    void everyTypeReachableFromTheFunqSignaturesIsRegistered() {
        List<Type> signatures = ReachableJsonTypes.funqSignatures(Path.of("target", "classes"));

        assertThat(signatures).isNotEmpty();
        assertThat(ReachableJsonTypes.missing(ReachableJsonTypes.from(signatures),
                ReachableJsonTypes.registeredBy(JsonPayloadTypes.class))).isEmpty();
    }
}
