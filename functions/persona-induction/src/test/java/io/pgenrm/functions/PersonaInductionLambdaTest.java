package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pgenrm.api.PersonaRef;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.testing.StoredStateOverSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus' mock Lambda event server, as AWS would, on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PersonaInductionLambdaTest {
    /** Over SQL, not an injected EvaluationArchive: the native integration test extending this one cannot inject. */
    private final StoredStateOverSql database = new StoredStateOverSql();

    @Test
    void inducesFromTheStoredHistoryAndStoresThePersonaItNames() {
        UserHistory history = new UserHistory("u7", List.of(new PreferencePair(
                List.of(new Message("user", "Explain DNS")), "DNS maps names to addresses.",
                "DNS, the Domain Name System, is a distributed, hierarchical database that maps human-readable host "
                        + "names to IP addresses. Resolvers query root, TLD and authoritative servers in turn, caching "
                        + "answers for their TTL so later lookups are fast.")), UserProfile.EMPTY);
        database.putHistory(history);
        String event = "{\"userId\": \"u7\", \"historyVersion\": \"" + history.version() + "\", \"seed\": 0}";

        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("persona.userId", equalTo("u7"))
                .body("persona.historyVersion", equalTo(history.version()))
                .body("persona.seed", equalTo(0))
                .body("cost.calls", equalTo(1));

        Persona stored = database.persona(new PersonaRef("u7", history.version(), 0)).orElseThrow();
        assertThat(stored.analysis()).contains("Learned from 1 past choices");
        assertThat(stored.featureWeights()).containsKey("LENGTH");
        assertThat(stored.traits().get(0).evidence().get(0)).contains("weight");
    }

    @Test
    void anUnknownHistoryVersionFailsTheInvocation() {
        given().contentType("application/json").accept("application/json")
                .body("{\"userId\": \"u8\", \"historyVersion\": \"0123456789ab\", \"seed\": 0}")
                .when().post()
                .then().statusCode(500);
        assertThat(database.persona(new PersonaRef("u8", "0123456789ab", 0))).isEmpty();
    }
}
