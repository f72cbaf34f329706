package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void defaultsHoldEveryTemplate() {
        PromptTemplates templates = PromptTemplates.defaults();

        assertThat(templates.get("system")).contains("<JSON_START>");
        assertThat(templates.get("persona")).contains("{{history}}", "content_and_structure", "core_values");
        assertThat(templates.get("rubric")).contains("{{persona}}", "{{conversation}}");
        assertThat(templates.get("scoring")).contains("{{rubric}}", "{{responses}}");
        assertThat(templates.get("chain")).contains("better_response", "{{history}}", "{{responses}}")
                .doesNotContain("{{persona}}");
        assertThat(templates.get("history-pair")).contains("{{chosen}}", "{{rejected}}");
        assertThat(templates.get("response")).contains("{{number}}", "{{response}}");
        assertThat(templates.systemFor("chain")).isEqualTo("system");
        assertThat(templates.layout()).isEqualTo(PromptLayout.DEFAULT);
    }

    @Test
    void paperSetHasItsOwnChainSystemTemplateAndLayoutAndTheDefaultsForTheRest() {
        PromptTemplates paper = PromptTemplates.load("paper", null);

        assertThat(paper.systemFor("chain")).isEqualTo("chain-system");
        assertThat(paper.get("chain-system")).contains("{{history}}", "<JSON_START>", "better_response");
        assertThat(paper.get("history-pair")).isEqualTo("User: {{prompt}}\nChosen: {{chosen}}\nRejected: {{rejected}}\n");
        assertThat(paper.layout()).isEqualTo(new PromptLayout(6, PromptLayout.FewShotSelection.RANDOM, false));
        assertThat(paper.get("persona")).isEqualTo(PromptTemplates.defaults().get("persona"));
        assertThat(paper.systemFor("persona")).isEqualTo("system");
    }

    @Test
    void systemTemplateOfAKindInTheOverrideDirectoryTakesThatKindsPlaceholders() throws IOException {
        Files.writeString(dir.resolve("chain-system.txt"), "Judge for this user. Their record:\n{{history}}");
        Files.writeString(dir.resolve("chain.txt"), "{{prompt}}\n\n{{responses}}");
        UserHistory history = new UserHistory("u1",
                List.of(new PreferencePair(List.of(new Message("user", "hi")), "hello", "go away")), null);
        Scenario scenario = new Scenario(List.of(new Message("user", "Q?")), List.of("A", "B"));

        RenderedPrompt prompt = new PromptRenderer(PromptTemplates.load(dir))
                .chain(history, scenario, CandidateOrder.identity(2), 1);

        assertThat(prompt.system()).startsWith("Judge for this user. Their record:\nChoice 1\n")
                .contains("hello", "go away");
        assertThat(prompt.user()).startsWith("[BEGIN PROMPT #").contains("Q?", "Response 1:", "Response 2:");
    }

    @Test
    void candidatesAreNotAllowedInASystemTemplate() throws IOException {
        Files.writeString(dir.resolve("chain-system.txt"), "{{history}} {{responses}}");

        assertThatThrownBy(() -> PromptTemplates.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder {{responses}} in prompt template 'chain-system'");
    }

    @Test
    void layoutFileInTheOverrideDirectoryReplacesSingleKeys() throws IOException {
        Files.writeString(dir.resolve("layout.properties"), "few-shots = 3\n");

        assertThat(PromptTemplates.load("paper", dir).layout())
                .isEqualTo(new PromptLayout(3, PromptLayout.FewShotSelection.RANDOM, false));
    }

    @Test
    void unknownLayoutKeyOrValueAndUnknownSetAreClearErrors() throws IOException {
        Files.writeString(dir.resolve("layout.properties"), "few-shot=3\n");
        assertThatThrownBy(() -> PromptTemplates.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'few-shot'");

        Files.writeString(dir.resolve("layout.properties"), "few-shot-selection=latest\n");
        assertThatThrownBy(() -> PromptTemplates.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("few-shot-selection must be \"recent\" or \"random\"");

        assertThatThrownBy(() -> PromptTemplates.load("tongyi", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown prompt set 'tongyi'");
    }

    @Test
    void fileInOverrideDirectoryReplacesOnlyThatTemplate() throws IOException {
        Files.writeString(dir.resolve("rubric.txt"), "Custom rubric for {{persona}} on {{conversation}}");

        PromptTemplates templates = PromptTemplates.load(dir);

        assertThat(templates.get("rubric")).isEqualTo("Custom rubric for {{persona}} on {{conversation}}");
        assertThat(templates.get("persona")).isEqualTo(PromptTemplates.defaults().get("persona"));
        assertThat(PromptTemplates.load(null).get("rubric")).isEqualTo(PromptTemplates.defaults().get("rubric"));
    }

    @Test
    void unknownPlaceholderIsRejectedAtLoad() throws IOException {
        Files.writeString(dir.resolve("persona.txt"), "About {{histroy}}");

        assertThatThrownBy(() -> PromptTemplates.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder {{histroy}}")
                .hasMessageContaining("persona");
    }

    @Test
    void responsesPlaceholderMustComeLast() throws IOException {
        Files.writeString(dir.resolve("chain.txt"), "{{responses}} then {{history}}");

        assertThatThrownBy(() -> PromptTemplates.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{responses}} must come after every other placeholder");
    }

    @Test
    void unknownTemplateNameAndMissingDirectoryAreClearErrors() {
        assertThatThrownBy(() -> PromptTemplates.defaults().get("verdict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown prompt template 'verdict'");
        assertThatThrownBy(() -> PromptTemplates.load(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void renderSubstitutesOnceSoValuesMayContainBraces() throws IOException {
        Files.writeString(dir.resolve("persona.txt"), "History: {{ history }}.");
        PromptTemplates templates = PromptTemplates.load(dir);

        assertThat(templates.render("persona", Map.of("history", "user wrote {{persona}} and $1")))
                .isEqualTo("History: user wrote {{persona}} and $1.");
        assertThatThrownBy(() -> templates.render("persona", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value for placeholder {{history}}");
    }
}
