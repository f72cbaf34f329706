package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus' mock Lambda event server, as AWS would. */
@QuarkusTest
class PersonaInductionLambdaTest {
    @Test
    void lambdaInvocationReturnsThePersona() {
        String event = """
                {"history": {"userId": "u7", "pairs": [
                  {"context": [{"role": "user", "content": "Explain DNS"}],
                   "chosen": "DNS maps names to addresses.",
                   "rejected": "DNS, the Domain Name System, is a distributed, hierarchical database that maps \
                human-readable host names to IP addresses. Resolvers query root, TLD and authoritative servers \
                in turn, caching answers for their TTL so later lookups are fast."}]}, "seed": 0}""";
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("persona.userId", equalTo("u7"))
                .body("persona.analysis", containsString("Learned from 1 past choices"))
                .body("persona.featureWeights.LENGTH", notNullValue())
                .body("persona.traits[0].evidence[0]", containsString("weight"));
    }
}
