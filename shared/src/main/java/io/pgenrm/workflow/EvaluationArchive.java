package io.pgenrm.workflow;

import io.pgenrm.api.PersonaRef;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What an evaluation on Step Functions keeps out of its state: histories by user and content version, personas by
 * user, history version and seed, and each evaluation's chains (by slot) and result. Its steps pass only the keys,
 * so a state stays small whatever the history length and the plan.
 */
public interface EvaluationArchive {
    /** Stores each history under its user and version unless it is there already (the version is its content). */
    void putHistories(Collection<UserHistory> histories);

    Optional<UserHistory> history(String userId, String version);

    /** Stores the persona, replacing one stored under the same key (induced from an earlier population model). */
    void putPersona(Persona persona);

    Optional<Persona> persona(PersonaRef ref);

    /** Stores chains by slot; a slot already stored keeps its chain, so a retried step cannot replace it. */
    void putChains(String evaluationId, Map<Integer, EvaluationChain> chains);

    /** The evaluation's stored chains by slot, in slot order. */
    Map<Integer, EvaluationChain> chains(String evaluationId);

    /** Stores the evaluation's result (with its chains) unless one is stored already. */
    void putResult(String evaluationId, EvaluationResult result);

    Optional<EvaluationResult> result(String evaluationId);
}
