package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pgenrm.domain.Persona;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.testing.StoredStateOverSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus' mock Lambda event server, as AWS would, on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RubricGenerationLambdaTest {
    /** Over SQL, not an injected EvaluationArchive: the native integration test extending this one cannot inject. */
    private final StoredStateOverSql database = new StoredStateOverSql();

    @Test
    void weighsTheRubricByTheStoredPersonaItIsNamed() {
        database.putPersona(new Persona("u1", "v1", 0, "", List.of(), Map.of("CAVEATS", 2.0, "NUMBERS", 2.0)));
        String event = """
                {"persona": {"userId": "u1", "historyVersion": "v1", "seed": 0},
                 "scenario": {"context": [{"role": "user", "content": "Is coffee healthy?"}],
                              "candidates": ["Yes.", "In moderation, about 3 cups a day, but consult a doctor."]},
                 "seed": 9}""";
        List<Float> weights = given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("rubric.criteria[0].name", equalTo("Caveats, safety notes and honest limits"))
                .body("rubric.criteria.name", hasItem("Specific numbers, quantities and facts"))
                .extract().path("rubric.criteria.weight");
        assertThat(weights.stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(100.0, offset(0.01));
    }
}
