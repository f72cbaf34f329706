package io.pgenrm.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardJsonTest {
    private final RewardJson json = new RewardJson();

    @Test
    void readsSnakeCaseItemsWithAnInlineUser() {
        RewardRequest request = json.read("""
                {"items": [{"id": "x1", "history": [{"context": [{"role": "user", "content": "hi"}],
                  "chosen": "hello", "rejected": "hey"}], "profile": {"stated_preferences": ["be brief"]},
                  "prompt": [{"role": "user", "content": "tea?"}], "responses": ["yes", "no"]}],
                 "plan": {"ind": 2, "self_weight": 0.7}}""", RewardRequest.class);

        RewardItem item = request.items().get(0);
        assertThat(item.profile().statedPreferences()).containsExactly("be brief");
        assertThat(item.history()).hasSize(1);
        assertThat(item.inlineHistory().userId()).startsWith("inline-");
        assertThat(request.plan().selfWeight()).isEqualTo(0.7);
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPath() {
        assertThatThrownBy(() -> json.read("""
                {"items": [{"usr_id": "u", "prompt": [{"role": "user", "content": "q"}], "responses": ["a"]}]}""",
                RewardRequest.class)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("items[0].usr_id: unknown field");
        assertThatThrownBy(() -> json.read("""
                {"query": ["q a"], "prompts": ["q"], "labels": ["u"], "metas": [{}]}""", OpenRlhfRequest.class))
                .hasMessageStartingWith("metas: unknown field");
    }

    @Test
    void aRecordsOwnCheckIsReportedUnderItsPath() {
        assertThatThrownBy(() -> json.read("""
                {"items": [{"user_id": "u", "prompt": [{"role": "user", "content": "q"}], "responses": ["a"]},
                           {"user_id": "u", "responses": ["a"]}]}""", RewardRequest.class))
                .hasMessageStartingWith("items[1].prompt: is required");
        assertThatThrownBy(() -> json.read("""
                {"query": ["q a", "q b"], "prompts": ["q", "q"]}""", OpenRlhfRequest.class))
                .hasMessageStartingWith("labels: is required");
        assertThatThrownBy(() -> json.read("""
                {"items": [{"user_id": "u", "prompt": [{"role": "user", "content": "q"}], "responses": ["a"]}]} x""",
                RewardRequest.class))
                .hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> json.read("", RewardRequest.class)).hasMessageStartingWith("body:");
    }

    @Test
    void writesOpenRlhfsShapeKeepingAFailedQuerysNullReward() {
        String written = json.write(new OpenRlhfResponse(Arrays.asList(6.5, null), Arrays.asList(0.61, null),
                Map.of(OpenRlhfResponse.FAILED, List.of(0, 1)), Arrays.asList(null, "judge down"),
                Arrays.asList("ev-1", "ev-2")));

        assertThat(written).contains("\"rewards\":[6.5,null]", "\"scores\":[0.61,null]",
                "\"extra_logs\":{\"failed\":[0,1]}", "\"errors\":[null,\"judge down\"]", "\"evaluation_ids\":");
    }
}
