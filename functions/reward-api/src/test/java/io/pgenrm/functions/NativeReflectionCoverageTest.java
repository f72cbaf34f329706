package io.pgenrm.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.reward.OpenRlhfRequest;
import io.pgenrm.reward.OpenRlhfResponse;
import io.pgenrm.reward.RewardRequest;
import io.pgenrm.reward.RewardResponse;
import io.pgenrm.runtime.JsonPayloadTypes;
import io.pgenrm.testing.ReachableJsonTypes;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native image reflects only on registered types: the function URL envelope of the @Funq signature, and what the
 * reward API reads and writes inside its body (RewardJson), evaluation records included.
 */
class NativeReflectionCoverageTest {
    @Test
    void everyTypeReachableFromTheEnvelopeAndTheRewardBodiesIsRegistered() {
        List<Type> signatures = ReachableJsonTypes.funqSignatures(Path.of("target", "classes"));
        List<Type> roots = new ArrayList<>(signatures);
        roots.addAll(List.of(RewardRequest.class, RewardResponse.class, OpenRlhfRequest.class, OpenRlhfResponse.class,
                EvaluationResult.class));

        assertThat(signatures).hasSize(2);
        assertThat(ReachableJsonTypes.missing(ReachableJsonTypes.from(roots),
                ReachableJsonTypes.registeredBy(JsonPayloadTypes.class))).isEmpty();
    }
}
