package io.pgenrm.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * evaluate, and {@code val} rows are history too (they are past choices the user made; PersonalRewardBench keeps them
 * apart for model selection, which pgenrm does by cross-validation on history instead). A user's profile comes from
 * a row's {@code profile} field or from a profiles file keyed by {@code user_id}. Unusable lines are kept as
 * {@link RowError}s (with their line number) instead of aborting the load.
 */
public record BenchmarkDataset(Map<String, UserHistory> histories, List<BenchmarkItem> items,
        List<RowError> rejectedRows, int valRows, int usersWithProfile) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** Compact, properties and map keys sorted: one text per row whatever mapper read it. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static BenchmarkDataset load(Path file) throws IOException {
        return load(file, Map.of());
    }

    /** @param profiles users' profiles from a profiles file; a row's own {@code profile} field wins */
    public static BenchmarkDataset load(Path file, Map<String, UserProfile> profiles) throws IOException {
        Map<String, List<PreferencePair>> pairs = new LinkedHashMap<>();
        Map<String, UserProfile> rowProfiles = new LinkedHashMap<>();
        int valRows = 0;
        List<BenchmarkItem> items = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            int index = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                int rowIndex = index++;
                BenchmarkRow row;
                try {
                    row = JSON.readValue(text, BenchmarkRow.class);
                } catch (JsonProcessingException e) {
                    errors.add(new RowError(itemId(rowIndex, text), line, "not a valid row: " + e.getOriginalMessage()));
                    continue;
                }
                String itemId = itemId(rowIndex, row);
                try {
                    validate(row);
                } catch (InvalidInputException e) {
                    errors.add(new RowError(itemId, line, e.getMessage()));
                    continue;
                }
                if (row.profile() != null && !row.profile().isNull()) {
                    rowProfiles.put(row.userId(), UserProfiles.of(row.profile()));
                }
                if (!"test".equals(row.split())) {
                    valRows += "val".equals(row.split()) ? 1 : 0;
                    pairs.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row.pair());
                } else {
                    items.add(new BenchmarkItem(itemId, row.userId(), line, row.context(), row.chosen().content(),
                            row.rejected().content()));
                }
            }
        }
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        pairs.forEach((user, list) -> histories.put(user, new UserHistory(user, list, UserProfile.EMPTY)));
        for (BenchmarkItem item : items) {
            histories.putIfAbsent(item.userId(), UserHistory.empty(item.userId()));
        }
        int withProfile = 0;
        for (Map.Entry<String, UserHistory> e : histories.entrySet()) {
            UserProfile profile = rowProfiles.getOrDefault(e.getKey(), profiles.getOrDefault(e.getKey(),
                    UserProfile.EMPTY));
            if (!profile.isEmpty()) {
                withProfile++;
                e.setValue(new UserHistory(e.getKey(), e.getValue().pairs(), profile));
            }
        }
        return new BenchmarkDataset(Map.copyOf(histories), List.copyOf(items), List.copyOf(errors), valRows,
                withProfile);
    }

    /**
     * Stable across reruns and the same in every process that reads the file: {@code index} is the row's position
     * among the file's non-blank lines, counted from 0 (what a Step Functions JSONL ItemReader gives as
     * {@code $$.Map.Item.Index}), and the checksum is of the row's canonical JSON, so formatting and unknown fields
     * do not matter and two identical rows still get two ids.
     */
    public static String itemId(int index, BenchmarkRow row) {
        try {
            return itemId(index, CANONICAL.writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a benchmark row", e);
        }
    }

    /** For a line that is not a row at all: only its text identifies it. */
    private static String itemId(int index, String text) {
        return "row-" + index + "-" + digest(text);
    }

    public static void validate(BenchmarkRow row) {
        require(row.userId() != null && !row.userId().isBlank(), "user_id", "is required");
        require("train".equals(row.split()) || "val".equals(row.split()) || "test".equals(row.split()), "split",
                "must be \"train\", \"val\" or \"test\", got " + row.split());
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
