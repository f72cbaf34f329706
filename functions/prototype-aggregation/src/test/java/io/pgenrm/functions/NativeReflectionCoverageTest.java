package io.pgenrm.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.runtime.JsonPayloadTypes;
import io.pgenrm.testing.ReachableJsonTypes;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native image reflects only on registered types: every type this module's @Funq methods read or write must be,
 * and so must what the stores keep as JSON columns (JsonColumns: histories, history pairs, personas, outcomes, results,
 * scaling).
 */
class NativeReflectionCoverageTest {
    @Test
    void everyTypeReachableFromTheFunqSignaturesAndTheJsonColumnsIsRegistered() {
        List<Type> signatures = ReachableJsonTypes.funqSignatures(Path.of("target", "classes"));
        List<Type> roots = new ArrayList<>(signatures);
        roots.addAll(List.of(UserHistory.class, PreferencePair.class, Persona.class, ItemOutcome.class,
                EvaluationResult.class, ScalingPlan.class));

        // 16 functions: 16 results and 15 inputs (migrateSchema takes none).
        assertThat(signatures).hasSize(31);
        assertThat(ReachableJsonTypes.missing(ReachableJsonTypes.from(roots),
                ReachableJsonTypes.registeredBy(JsonPayloadTypes.class))).isEmpty();
    }
}
