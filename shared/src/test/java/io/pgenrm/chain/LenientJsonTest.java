package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LenientJsonTest {

    private static LenientJson.Read read(String text) {
        return LenientJson.readObject(text, text.indexOf('{'), text.length());
    }

    @Test
    void completeObjectEndsAtItsClosingBrace() {
        String text = "see {\"a\": 1, 'b': [2, 3],} and more";

        LenientJson.Read read = read(text);

        assertThat(read.complete()).isTrue();
        assertThat(read.root().toString()).isEqualTo("{\"a\":1.0,\"b\":[2.0,3.0]}");
        assertThat(text.substring(read.end())).isEqualTo(" and more");
    }

    @Test
    void numberTheTextEndsOnIsDroppedBecauseItMayBeCutShort() {
        LenientJson.Read read = read("{\"a\": 1, \"b\": 12");

        assertThat(read.truncated()).isTrue();
        assertThat(read.root().has("a")).isTrue();
        assertThat(read.root().has("b")).isFalse();
    }

    @Test
    void unclosedNestedValuesAreDroppedAndClosedOnesKept() {
        LenientJson.Read read = read("{\"done\": {\"x\": 1}, \"text\": \"whole\", \"open\": {\"y\": 2, \"z\": [1");

        assertThat(read.truncated()).isTrue();
        assertThat(read.problem()).contains("cut off");
        assertThat(read.root().toString()).isEqualTo("{\"done\":{\"x\":1.0},\"text\":\"whole\"}");
    }

    @Test
    void syntaxErrorKeepsMembersBeforeItButIsNotTruncation() {
        LenientJson.Read read = read("{\"a\": \"ok\", \"b\": oops}");

        assertThat(read.truncated()).isFalse();
        assertThat(read.problem()).startsWith("malformed JSON");
        assertThat(read.root().get("a").asText()).isEqualTo("ok");
    }
}
