package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The item ids of pgenrm evaluate and of prepareBenchmarkItem (which sees a parsed row and its Map index) agree. */
class BenchmarkDatasetIdsTest {
    private static final String ROW = "{\"user_id\": \"u1\", \"split\": \"test\", \"context\": [{\"role\": \"user\", "
            + "\"content\": \"Hi?\"}], \"chosen\": {\"content\": \"Hello!\"}, \"rejected\": {\"content\": \"Go away.\"}}";
    private static final String REORDERED = "{\"rejected\":{\"content\":\"Go away.\"},\"extra\":1,\"chosen\":"
            + "{\"content\":\"Hello!\"},\"context\":[{\"content\":\"Hi?\",\"role\":\"user\"}],\"split\":\"test\","
            + "\"user_id\":\"u1\"}";

    @TempDir
    Path dir;

    @Test
    void fileItemsGetTheIdOfTheirParsedRowAtTheirIndexAmongNonBlankLines() throws Exception {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, ROW + "\n\n" + ROW + "\n" + REORDERED + "\n");
        List<BenchmarkItem> items = BenchmarkDataset.load(file).items();

        BenchmarkRow parsed = new ObjectMapper().readValue(ROW, BenchmarkRow.class);
        assertThat(items).extracting(BenchmarkItem::itemId).containsExactly(BenchmarkDataset.itemId(0, parsed),
                BenchmarkDataset.itemId(1, parsed), BenchmarkDataset.itemId(2, parsed));
        assertThat(items).extracting(BenchmarkItem::itemId).doesNotHaveDuplicates();
        assertThat(items.get(0).itemId()).matches("row-0-[0-9a-f]{8}");
        // Formatting, key order and unknown fields do not change the row's checksum.
        assertThat(items.get(2).itemId()).endsWith(items.get(0).itemId().substring("row-0".length()));
    }
}
