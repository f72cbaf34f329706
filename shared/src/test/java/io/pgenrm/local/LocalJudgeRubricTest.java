package io.pgenrm.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Scenario;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalJudgeRubricTest {
    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "Is coffee healthy?")),
            List.of("Yes.", "In moderation, about 3 cups a day."));

    @Test
    void tiedWeightsAreRankedByFeatureNameWhateverTheMapOrder() {
        Map<String, Double> forwards = new LinkedHashMap<>();
        forwards.put("NUMBERS", 2.0);
        forwards.put("CAVEATS", -2.0);
        forwards.put("LISTS", 3.0);
        Map<String, Double> backwards = new LinkedHashMap<>();
        backwards.put("LISTS", 3.0);
        backwards.put("CAVEATS", -2.0);
        backwards.put("NUMBERS", 2.0);

        List<String> first = criteria(forwards);
        assertThat(first).isEqualTo(criteria(backwards));
        assertThat(first).containsExactly(StyleFeature.LISTS.criterion(3.0), StyleFeature.CAVEATS.criterion(-2.0),
                StyleFeature.NUMBERS.criterion(2.0));
    }

    @Test
    void personaKeepsFeatureWeightsSortedByName() {
        Map<String, Double> weights = new HashMap<>(Map.of("SUMMARY", 1.0, "CAVEATS", 0.5, "LENGTH", -1.0));
        Persona persona = new Persona("u1", "v1", 0, "", List.of(), weights);
        assertThat(persona.featureWeights().keySet()).containsExactly("CAVEATS", "LENGTH", "SUMMARY");
    }

    private static List<String> criteria(Map<String, Double> weights) {
        Persona persona = new Persona("u1", "v1", 0, "", List.of(), weights);
        return new LocalJudge().generateRubric(persona, SCENARIO, 1).value().criteria().stream()
                .map(Criterion::name).toList();
    }
}
