package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which command lines get an HTTP listener, decided before the application starts. */
class HttpListenerTest {
    @Test
    void onlyServeTurnsTheListenerOnAndLeavesTheHostToItsLoopbackDefault() {
        assertThat(HttpListener.properties("serve")).containsOnlyKeys(HttpListener.ENABLED)
                .containsEntry(HttpListener.ENABLED, "true");
        assertThat(HttpListener.properties("evaluate", "data.jsonl", "--plans", "ind1,ind4pro4")).isEmpty();
    }

    @Test
    void serveListensWhereHostSays() {
        assertThat(HttpListener.properties("serve", "--host", "0.0.0.0"))
                .containsEntry(HttpListener.ENABLED, "true")
                .containsEntry(HttpListener.HOST, "0.0.0.0");
        assertThat(HttpListener.properties("serve", "--host=192.168.1.5"))
                .containsEntry(HttpListener.HOST, "192.168.1.5");
    }

    @Test
    void helpAndUsageErrorsOpenNoPort() {
        assertThat(HttpListener.properties()).isEmpty();
        assertThat(HttpListener.properties("--help")).isEmpty();
        assertThat(HttpListener.properties("serve", "--help")).isEmpty();
        assertThat(HttpListener.properties("serve", "--no-such-option")).isEmpty();
        assertThat(HttpListener.properties("evaluate")).isEmpty();
    }

    @Test
    void serveBeyondLoopbackWithoutAKeyIsRefusedWithTheFix() {
        assertThat(HttpListener.refusal(Map.of(), "serve", "--host", "0.0.0.0")).hasValueSatisfying(reason ->
                assertThat(reason).contains("0.0.0.0", "PGENRM_API_KEY", "127.0.0.1"));
        assertThat(HttpListener.refusal(Map.of("PGENRM_HTTP_HOST", "0.0.0.0"), "serve")).isPresent();
    }

    @Test
    void loopbackOrAKeyIsEnoughToServe() {
        assertThat(HttpListener.refusal(Map.of(), "serve")).isEmpty();
        assertThat(HttpListener.refusal(Map.of(), "serve", "--host", "localhost")).isEmpty();
        assertThat(HttpListener.refusal(Map.of(), "serve", "--host", "::1")).isEmpty();
        assertThat(HttpListener.refusal(Map.of("PGENRM_API_KEY", "s3cret"), "serve", "--host", "0.0.0.0")).isEmpty();
        assertThat(HttpListener.refusal(Map.of("PGENRM_API_KEY", " "), "serve", "--host", "0.0.0.0")).isPresent();
        assertThat(HttpListener.refusal(Map.of(), "evaluate", "data.jsonl")).isEmpty();
    }
}
