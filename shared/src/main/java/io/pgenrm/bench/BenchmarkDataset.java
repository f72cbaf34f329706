package io.pgenrm.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A PersonalRewardBench JSONL file: {@code train} rows become users' histories, {@code test} rows the items to
 * evaluate. Unusable lines are kept as {@link RowError}s (with their line number) instead of aborting the load.
 */
public record BenchmarkDataset(Map<String, UserHistory> histories, List<BenchmarkItem> items,
        List<RowError> rejectedRows) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    public static BenchmarkDataset load(Path file) throws IOException {
        Map<String, List<PreferencePair>> pairs = new LinkedHashMap<>();
        List<BenchmarkItem> items = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String itemId = itemId(line, text);
                try {
                    BenchmarkRow row = JSON.readValue(text, BenchmarkRow.class);
                    validate(row);
                    if ("train".equals(row.split())) {
                        pairs.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(
                                new PreferencePair(row.context(), row.chosen().content(), row.rejected().content()));
                    } else {
                        items.add(new BenchmarkItem(itemId, row.userId(), line, row.context(), row.chosen().content(),
                                row.rejected().content()));
                    }
                } catch (InvalidInputException e) {
                    errors.add(new RowError(itemId, line, e.getMessage()));
                } catch (JsonProcessingException e) {
                    errors.add(new RowError(itemId, line, "not a valid row: " + e.getOriginalMessage()));
                }
            }
        }
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        pairs.forEach((user, list) -> histories.put(user, new UserHistory(user, list, UserProfile.EMPTY)));
        for (BenchmarkItem item : items) {
            histories.putIfAbsent(item.userId(), UserHistory.empty(item.userId()));
        }
        return new BenchmarkDataset(Map.copyOf(histories), List.copyOf(items), List.copyOf(errors));
    }

    /** Stable across reruns of the same file: the line number and a checksum of its text. */
    public static String itemId(int line, String text) {
        return "line-" + line + "-" + digest(text);
    }

    public static void validate(BenchmarkRow row) {
        require(row.userId() != null && !row.userId().isBlank(), "user_id", "is required");
        require("train".equals(row.split()) || "test".equals(row.split()), "split",
                "must be \"train\" or \"test\", got " + row.split());
        require(row.context() != null && !row.context().isEmpty(), "context", "must hold at least one message");
        require(row.chosen() != null && row.chosen().content() != null, "chosen.content", "is required");
        require(row.rejected() != null && row.rejected().content() != null, "rejected.content", "is required");
        require(!row.chosen().content().equals(row.rejected().content()), "rejected.content",
                "is identical to chosen.content");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static String digest(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
