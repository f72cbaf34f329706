package io.pgenrm.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.persistence.JsonColumns;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.testing.StoredStateOverSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Lambda tests put state in and read it back through StoredStateOverSql, outside the function; what they store
 * must be what the function's own stores would have stored, to the byte.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StoredStateOverSqlTest {
    @Inject
    JsonColumns functionColumns;

    @Test
    void writesEveryStoredStateColumnAsTheFunctionsStoresDo() {
        UserHistory history = new UserHistory("u3", List.of(new PreferencePair(List.of(new Message("user", "Hi")),
                "Hello!", "Hey.")), new UserProfile(Map.of("age", "30-39"), List.of("brief"), List.of("too long")));
        Persona persona = new Persona("u3", history.version(), 4, "Prefers short answers.",
                List.of(new PersonaTrait(PersonaTrait.Dimension.STYLE, "Brief", 0.8, List.of("chose the shorter"))),
                Map.of("LENGTH", -1.5), List.of(0.25, -0.5));
        EvaluationChain chain = new EvaluationChain(SampleSource.SELF, "u3", 1, 7, persona,
                new Rubric(List.of(new Criterion("Brevity", "short", 100))),
                List.of(new CandidateScore(0, List.of(9.0), 9), new CandidateScore(1, List.of(3.5), 3.5)),
                ChainStatus.OK, null, "<score>9</score>", new CallCost(2, 120, 40, 1, 15));
        EvaluationResult result = new EvaluationResult("u3", List.of(new CandidateReward(0, 9, 9.0, null),
                new CandidateReward(1, 3.5, 3.5, null)), 0, false, -1, List.of("u4"), List.of(chain), 0, 1,
                new CallCost(2, 120, 40, 1, 15));

        for (Object value : List.of(history, persona, chain, result)) {
            String written = StoredStateOverSql.COLUMNS.write(value);
            assertThat(written).isEqualTo(functionColumns.write(value));
            assertThat(functionColumns.read(written, value.getClass())).isEqualTo(value);
        }
    }
}
