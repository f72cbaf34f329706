package io.pgenrm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelFileTest {
    private static final TextEmbedder EMBEDDER = new BgeSmallEmbedder();

    @TempDir
    Path dir;

    @Test
    void aSavedModelScoresExactlyAsTheFittedOneAndKeepsItsProvenance() throws Exception {
        List<PreferencePair> pairs = List.of(
                new PreferencePair(List.of(new Message("user", "How do I boil an egg?")),
                        "Put it in boiling water for about nine minutes, then cool it in cold water.", "Boil it."),
                new PreferencePair(List.of(new Message("user", "What is a prime number?")),
                        "A whole number above 1 whose only divisors are 1 and itself, like 2, 3, 5 and 7.", "A number."));
        var provenance = new PopulationRewardModel.Provenance("two.jsonl", "abc123", 2, 1, "2026-12-01T00:00:00Z");
        PopulationRewardModel fitted = PopulationRewardModel.fit(pairs, EMBEDDER, PopulationRewardModel.Penalties.DEFAULT, provenance);
        Path file = dir.resolve("model.json");

        RewardModelFile.write(fitted, file);
        PopulationRewardModel read = RewardModelFile.read(file, EMBEDDER);

        assertThat(read.provenance()).isEqualTo(provenance);
        assertThat(read.embedder()).isEqualTo(BgeSmallEmbedder.NAME);
        assertThat(read.margin("Is tea good for you?", "In moderation it is, and it has antioxidants.", "Yes.",
                EMBEDDER)).isEqualTo(fitted.margin("Is tea good for you?",
                        "In moderation it is, and it has antioxidants.", "Yes.", EMBEDDER));
    }

    @Test
    void aFileThatIsNotAModelIsAnInputErrorNamingIt() throws Exception {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "{\"hello\": 1}");

        assertThatThrownBy(() -> RewardModelFile.read(file, EMBEDDER)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.json");
        assertThatThrownBy(() -> RewardModelFile.read(dir.resolve("missing.json"), EMBEDDER))
                .hasMessageContaining("no such file");
    }

    @Test
    void aModelFromAnotherEmbedderIsRefused() throws Exception {
        PopulationRewardModel other = new PopulationRewardModel("all-minilm-l6-v2", List.of("LENGTH"),
                new double[1], new double[] {1}, new double[2 + 384], PopulationRewardModel.Penalties.DEFAULT, null);
        Path file = dir.resolve("other.json");
        RewardModelFile.write(other, file);

        assertThatThrownBy(() -> RewardModelFile.read(file, EMBEDDER)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all-minilm-l6-v2");
    }
}
