package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PersonaTrait.Dimension;
import io.pgenrm.domain.Rubric;
import io.pgenrm.judge.JudgeOutputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The staged steps: persona, rubric and per-criterion scores. */
class ChainParserStepsTest {
    private final ChainParser parser = new ChainParser();

    private static final Rubric RUBRIC = new Rubric(List.of(
            new Criterion("Brevity", "", 50), new Criterion("Factual accuracy", "", 30),
            new Criterion("Warm tone", "", 20)));

    private static String block(String json) {
        return "Reasoning first.\n<JSON_START>\n" + json + "\n<JSON_END>";
    }

    @Test
    void scoresKeyedByCriterionNameComeBackInRubricOrder() {
        ParsedScores scores = parser.parseScores(block("{\"scores\": {"
                + "\"response_1\": {\"warm tone\": 6, \"BREVITY\": 9, \"Factual  Accuracy\": 7},"
                + "\"response_2\": {\"Brevity\": \"4\", \"Factual accuracy\": \"8.5\", \"Warm tone\": \"5/10\"}},"
                + "\"rationale\": \"r\"}"), RUBRIC, 2);

        assertThat(scores.byShownPosition()).containsExactly(List.of(9.0, 7.0, 6.0), List.of(4.0, 8.5, 5.0));
        assertThat(scores.warnings()).isEmpty();
    }

    @Test
    void nearMissCriterionNamesAreMatchedWithAWarning() {
        ParsedScores scores = parser.parseScores(block("{\"scores\": {"
                + "\"response_1\": {\"Brevty\": 9, \"Accuracy\": 7, \"Warm tone (20%)\": 6, \"Humour\": 3},"
                + "\"response_2\": [4, 8, 5]}}"), RUBRIC, 2);

        assertThat(scores.byShownPosition()).containsExactly(List.of(9.0, 7.0, 6.0), List.of(4.0, 8.0, 5.0));
        assertThat(scores.warnings()).contains(
                "response_1: read key 'Brevty' as criterion 'Brevity'",
                "response_1: read key 'Accuracy' as criterion 'Factual accuracy'",
                "response_1: ignored key 'Humour', not a rubric criterion");
    }

    @Test
    void outOfRangeCriterionScoresAreClampedAndReported() {
        ParsedScores scores = parser.parseScores(block("{\"scores\": {\"response_1\": [11, 0.5, 5],"
                + " \"response_2\": [1, 2, 3]}}"), RUBRIC, 2);

        assertThat(scores.byShownPosition().get(0)).containsExactly(10.0, 1.0, 5.0);
        assertThat(scores.warnings()).containsExactly(
                "response_1 'Brevity': score 11 is outside 1-10, clamped to 10",
                "response_1 'Factual accuracy': score 0.5 is outside 1-10, clamped to 1");
    }

    static Stream<Arguments> unusableScoreSheets() {
        return Stream.of(
                Arguments.of("{\"scores\": {\"response_1\": [1, 2, 3]}}", "scores 1 of 2 responses, missing response_2"),
                Arguments.of("{\"scores\": {\"response_1\": {\"Brevity\": 5, \"Warm tone\": 5}, "
                        + "\"response_2\": [1, 2, 3]}}", "response_1: no score for criterion 'Factual accuracy'"),
                Arguments.of("{\"scores\": {\"response_1\": [1, 2], \"response_2\": [1, 2, 3]}}",
                        "response_1: 2 scores for 3 criteria"),
                Arguments.of("{\"rationale\": \"r\"}", "missing key 'scores'"),
                Arguments.of("{\"scores\": \"all good\"}", "key 'scores' is not an object of response scores"),
                Arguments.of("{\"scores\": {\"response_1\": [\"high\", 2, 3], \"response_2\": [1, 2, 3]}}",
                        "response_1 'Brevity': not a score"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unusableScoreSheets")
    void rejectsUnusableScoreSheetsNamingTheProblem(String json, String reason) {
        assertThatThrownBy(() -> parser.parseScores(block(json), RUBRIC, 2))
                .isInstanceOf(JudgeOutputException.class).hasMessageContaining(reason);
    }

    @Test
    void singleCriterionRubricAcceptsAPlainScore() {
        Rubric single = new Rubric(List.of(new Criterion("Fit", "", 100)));

        ParsedScores scores = parser.parseScores(block("{\"scores\": {\"response_1\": 7, \"response_2\": \"3\"}}"),
                single, 2);

        assertThat(scores.byShownPosition()).containsExactly(List.of(7.0), List.of(3.0));
    }

    static Stream<Arguments> rubricWeights() {
        return Stream.of(
                Arguments.of("30, 70", new double[] {30, 70}),
                Arguments.of("\"30%\", \"70 %\"", new double[] {30, 70}),
                Arguments.of("\"30\", 70", new double[] {30, 70}),
                Arguments.of("0.25, 0.75", new double[] {25, 75}),
                Arguments.of("20, 20", new double[] {50, 50}));
    }

    @ParameterizedTest(name = "weights {0}")
    @MethodSource("rubricWeights")
    void rubricWeightsAreReadAndRescaledToHundred(String weights, double[] expected) {
        String[] w = weights.split(", ");
        Rubric rubric = parser.parseRubric(block("{\"criteria\": ["
                + "{\"name\": \"Brevity\", \"description\": \"short\", \"weight\": " + w[0] + "},"
                + "{\"name\": \"Warmth\", \"description\": \"kind\", \"weight\": " + w[1] + "},]}"));

        assertThat(rubric.criteria()).extracting(Criterion::name).containsExactly("Brevity", "Warmth");
        assertThat(rubric.criteria()).extracting(Criterion::weight).containsExactly(expected[0], expected[1]);
        assertThat(rubric.criteria().get(0).description()).isEqualTo("short");
    }

    static Stream<Arguments> unusableRubrics() {
        return Stream.of(
                Arguments.of("{\"criteria\": []}", "key 'criteria' is not a non-empty list"),
                Arguments.of("{\"criteria\": [{\"name\": \"A\", \"weight\": -10}, {\"name\": \"B\", \"weight\": 110}]}",
                        "criteria[0] 'A': negative or invalid weight"),
                Arguments.of("{\"criteria\": [{\"name\": \"A\"}]}", "criteria[0] 'A': missing key 'weight'"),
                Arguments.of("{\"criteria\": [{\"weight\": 100}]}", "criteria[0]: missing key 'name'"),
                Arguments.of("{\"criteria\": [{\"name\": \"A\", \"weight\": \"lots\"}]}", "weight is not a number"),
                Arguments.of("{\"criteria\": [{\"name\": \"A\", \"weight\": 0}]}", "criteria weights sum to 0"),
                Arguments.of("{\"criteria\": [{\"name\": \"Tone\", \"weight\": 50}, {\"name\": \"tone.\", \"weight\": 50}]}",
                        "criteria[1]: duplicate criterion 'tone.'"),
                Arguments.of("{\"rubric\": []}", "missing key 'criteria'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unusableRubrics")
    void rejectsUnusableRubricsNamingTheProblem(String json, String reason) {
        assertThatThrownBy(() -> parser.parseRubric(block(json)))
                .isInstanceOf(JudgeOutputException.class).hasMessageContaining(reason);
    }

    @Test
    void personaKeepsIdentityAndReadsTraits() {
        Persona persona = parser.parsePersona(block("{\"analysis\": \"Values brevity.\", \"traits\": ["
                + "{\"dimension\": \"style\", \"statement\": \"short answers\", \"strength\": 0.9, "
                + "\"evidence\": [\"keep it short\"]},"
                + "{\"dimension\": \"Content and Structure\", \"statement\": \"numbered steps\", \"strength\": \"80%\"},"
                + "{\"dimension\": \"core_values\", \"statement\": \"honesty\", \"evidence\": \"said so\"},"
                + "{\"dimension\": \"mood\", \"statement\": \"dropped: unknown dimension\"}]}"), "u7", "h1", 5L);

        assertThat(persona.userId()).isEqualTo("u7");
        assertThat(persona.historyVersion()).isEqualTo("h1");
        assertThat(persona.seed()).isEqualTo(5L);
        assertThat(persona.analysis()).isEqualTo("Values brevity.");
        assertThat(persona.traits()).containsExactly(
                new PersonaTrait(Dimension.STYLE, "short answers", 0.9, List.of("keep it short")),
                new PersonaTrait(Dimension.CONTENT_AND_STRUCTURE, "numbered steps", 0.8, List.of()),
                new PersonaTrait(Dimension.CORE_VALUES, "honesty", PersonaReader.DEFAULT_STRENGTH,
                        List.of("said so")));
    }

    @Test
    void personaWithoutAnalysisUsesTraitStatements() {
        Persona persona = parser.parsePersona(block("{\"traits\": [{\"dimension\": \"style\", "
                + "\"statement\": \"Short answers.\", \"strength\": 7}]}"), "u7", "h1", 0);

        assertThat(persona.analysis()).isEqualTo("Short answers.");
        assertThat(persona.traits().get(0).strength()).isEqualTo(0.7);
    }

    @Test
    void personaFailsWithoutTraitsOrAnything() {
        assertThatThrownBy(() -> parser.parsePersona(block("{\"analysis\": \"x\"}"), "u", "v", 0))
                .isInstanceOf(JudgeOutputException.class).hasMessageContaining("missing key 'traits'");
        assertThatThrownBy(() -> parser.parsePersona(block("{\"analysis\": \"\", \"traits\": []}"), "u", "v", 0))
                .isInstanceOf(JudgeOutputException.class).hasMessageContaining("no analysis and no usable traits");
        assertThatThrownBy(() -> parser.parsePersona(block("{\"traits\": \"brief\"}"), "u", "v", 0))
                .isInstanceOf(JudgeOutputException.class).hasMessageContaining("key 'traits' is not a list");
    }
}
