package io.pgenrm.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.Message;
import org.junit.jupiter.api.Test;

class TrainerQueryTest {
    @Test
    void aChatMlQueryGivesItsTurnsAndTheResponseWithoutTheEndToken() {
        String prompt = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nName a colour.<|im_end|>\n"
                + "<|im_start|>assistant\n";

        TrainerQuery query = TrainerQuery.split(prompt + "Blue.<|im_end|>", prompt);

        assertThat(query.failed()).isFalse();
        assertThat(query.prompt()).containsExactly(new Message("system", "Be brief."),
                new Message("user", "Name a colour."));
        assertThat(query.response()).isEqualTo("Blue.");
    }

    @Test
    void aLlama3QueryIsReadTheSameWay() {
        String prompt = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n";

        TrainerQuery query = TrainerQuery.split(prompt + "Hello! <|eot_id|>", prompt);

        assertThat(query.prompt()).containsExactly(new Message("user", "Hi there"));
        assertThat(query.response()).isEqualTo("Hello!");
    }

    @Test
    void aPlainPromptIsOneUserTurnAndABeginTokenBeforeItIsSkipped() {
        TrainerQuery query = TrainerQuery.split("<s>Question: why is the sky blue? Answer: scattering</s>",
                "Question: why is the sky blue? Answer:");

        assertThat(query.prompt()).containsExactly(new Message("user", "Question: why is the sky blue? Answer:"));
        assertThat(query.response()).isEqualTo("scattering");
    }

    @Test
    void aQueryWithoutItsPromptIsAFailureNotAGuess() {
        TrainerQuery query = TrainerQuery.split("something else entirely", "Question:");

        assertThat(query.failed()).isTrue();
        assertThat(query.error()).contains("does not contain its prompts entry");
    }

    @Test
    void anEmptyPromptIsAFailure() {
        assertThat(TrainerQuery.split("anything", " ").error()).contains("empty");
    }
}
