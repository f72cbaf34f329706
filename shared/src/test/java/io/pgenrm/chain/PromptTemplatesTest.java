package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(templates.get("chain")).contains("better_response", "{{responses}}");
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
        Files.writeString(dir.resolve("chain.txt"), "{{responses}} then {{persona}}");

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
