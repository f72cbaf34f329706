package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.UserHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Val rows and profiles: what PersonalRewardBench files and PRISM profile files carry besides train and test. */
class BenchmarkDatasetSignalsTest {
    @TempDir
    Path dir;

    private static String row(String user, String split, String profile) {
        return "{\"user_id\":\"" + user + "\",\"split\":\"" + split + "\",\"context\":[{\"role\":\"user\","
                + "\"content\":\"Q from " + user + " " + split + "\"}],\"chosen\":{\"content\":\"good\"},"
                + "\"rejected\":{\"content\":\"bad\"}" + (profile == null ? "" : ",\"profile\":" + profile) + "}";
    }

    @Test
    void valRowsAreHistoryNotFailedItems() throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, String.join("\n", row("u1", "train", null), row("u1", "val", null),
                row("u1", "test", null)));

        BenchmarkDataset data = BenchmarkDataset.load(file);

        assertThat(data.rejectedRows()).isEmpty();
        assertThat(data.valRows()).isEqualTo(1);
        assertThat(data.histories().get("u1").pairs()).hasSize(2);
        assertThat(data.items()).hasSize(1);
    }

    @Test
    void profilesComeFromTheProfilesFileAndARowsOwnProfileWins() throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, String.join("\n", row("u1", "train", null), row("u2", "test", null),
                row("u3", "test", "{\"age\":\"25-34\",\"stated_preferences\":[\"short answers\"]}")));
        Path profiles = dir.resolve("profiles.jsonl");
        Files.writeString(profiles, "{\"user_id\":\"u1\",\"profile\":\"The person is 45-54 years old.\"}\n"
                + "{\"user_id\":\"u3\",\"profile\":\"overridden\"}\n");

        BenchmarkDataset data = BenchmarkDataset.load(file, UserProfiles.load(profiles));
        Map<String, UserHistory> users = data.histories();

        assertThat(users.get("u1").profile().demographics()).containsEntry("profile", "The person is 45-54 years old.");
        assertThat(users.get("u2").profile().isEmpty()).isTrue();
        assertThat(users.get("u3").profile().demographics()).containsEntry("age", "25-34");
        assertThat(users.get("u3").profile().statedPreferences()).containsExactly("short answers");
        assertThat(data.usersWithProfile()).isEqualTo(2);
    }

    @Test
    void aBadProfilesLineIsAnErrorNamingFileAndLine() throws Exception {
        Path profiles = dir.resolve("profiles.jsonl");
        Files.writeString(profiles, "{\"user_id\":\"u1\",\"profile\":\"fine\"}\n{\"profile\":\"no user\"}\n");

        assertThatThrownBy(() -> UserProfiles.load(profiles)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("user_id");
    }

    @Test
    void rowsWithoutAProfileKeepTheIdsTheyHadBeforeProfilesExisted() throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, row("u1", "test", null));
        String canonicalWithoutProfile = "{\"chosen\":{\"content\":\"good\"},\"context\":[{\"content\":"
                + "\"Q from u1 test\",\"role\":\"user\"}],\"rejected\":{\"content\":\"bad\"},\"split\":\"test\","
                + "\"user_id\":\"u1\"}";
        CRC32C crc = new CRC32C();
        crc.update(canonicalWithoutProfile.getBytes(StandardCharsets.UTF_8));

        assertThat(BenchmarkDataset.load(file).items().get(0).itemId())
                .isEqualTo("row-0-" + HexFormat.of().toHexDigits((int) crc.getValue()));
    }
}
