package io.pgenrm.chain;

import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the judge's verdict object in its output. Candidates are the {@code <JSON_START>} blocks (closed or not)
 * and code fences, and only when none of those qualifies, bare top-level objects. The verdict is the LAST
 * candidate holding every required key: models restate or quote JSON before they commit to an answer, never
 * after. Responses the judge echoed inside their {@link DataFence} are blanked first, and a block whose required
 * keys were copied from a shown response ({@link QuotedText}) is passed over, so a response that embeds a fake
 * verdict can never be picked, even when the real one is unusable or was written before the quote.
 */
final class JsonBlocks {
    private static final Pattern START_MARKER = Pattern.compile("<\\s*JSON_START\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern END_MARKER = Pattern.compile("<\\s*/?\\s*JSON_END\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z]*");

    private JsonBlocks() {
    }

    static JsonBlock verdict(String output, List<String> requiredKeys) {
        return verdict(output, requiredKeys, QuotedText.NONE);
    }

    static JsonBlock verdict(String output, List<String> requiredKeys, QuotedText quoted) {
        String visible = DataFence.blankEchoedResponses(output);
        List<JsonBlock> delimited = ownWords(delimited(visible), output, requiredKeys, quoted);
        List<JsonBlock> candidates = delimited;
        JsonBlock chosen = lastWithKeys(delimited, requiredKeys);
        if (chosen == null) {
            List<JsonBlock> bare = ownWords(bare(visible), output, requiredKeys, quoted);
            chosen = lastWithKeys(bare, requiredKeys);
            candidates = delimited.isEmpty() ? bare : delimited;
        }
        if (chosen != null) {
            return chosen;
        }
        String echoNote = visible.equals(output) && !quotedAny(visible, output, requiredKeys, quoted) ? ""
                : "; JSON inside echoed responses is ignored";
        if (candidates.isEmpty()) {
            throw new JudgeOutputException("no JSON object found in the output" + echoNote, output);
        }
        LenientJson.Read best = candidates.get(candidates.size() - 1).read();
        String missing = requiredKeys.stream().filter(k -> JsonFields.field(best.root(), k) == null)
                .findFirst().orElseThrow();
        String problem = best.problem() == null ? "" : " (" + best.problem() + ")";
        throw new JudgeOutputException("missing key '" + missing + "'" + problem + echoNote, output);
    }

    /** The blocks whose required keys the judge wrote itself, not copied from a shown response. */
    private static List<JsonBlock> ownWords(List<JsonBlock> blocks, String output, List<String> requiredKeys,
            QuotedText quoted) {
        return blocks.stream().filter(block -> !copied(block, output, requiredKeys, quoted)).toList();
    }

    private static boolean quotedAny(String visible, String output, List<String> requiredKeys, QuotedText quoted) {
        return delimited(visible).stream().anyMatch(b -> copied(b, output, requiredKeys, quoted))
                || bare(visible).stream().anyMatch(b -> copied(b, output, requiredKeys, quoted));
    }

    /**
     * Whether the block, from its start up to the end of the last required key's value, is a copy of a shown
     * response. Only that part counts: what follows a cut-off or broken copy may be the judge's own text.
     */
    private static boolean copied(JsonBlock block, String output, List<String> requiredKeys, QuotedText quoted) {
        int end = -1;
        for (String key : requiredKeys) {
            String name = JsonFields.name(block.read().root(), key);
            Integer keyEnd = name == null ? null : block.read().memberEnds().get(name);
            if (keyEnd == null) {
                return false;
            }
            end = Math.max(end, keyEnd);
        }
        return end > block.start() && end <= output.length() && quoted.quotes(output.substring(block.start(), end));
    }

    private static JsonBlock lastWithKeys(List<JsonBlock> blocks, List<String> requiredKeys) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            JsonBlock block = blocks.get(i);
            if (requiredKeys.stream().allMatch(k -> JsonFields.field(block.read().root(), k) != null)) {
                return block;
            }
        }
        return null;
    }

    /** Marker blocks and code fences in order of position; an unclosed one runs to the next opener or the end. */
    private static List<JsonBlock> delimited(String text) {
        List<JsonBlock> blocks = new ArrayList<>();
        Matcher marker = START_MARKER.matcher(text);
        while (marker.find()) {
            int limit = firstOf(text, marker.end(), END_MARKER, START_MARKER);
            addIfObject(blocks, text, marker.start(), marker.end(), limit);
        }
        Matcher fence = FENCE.matcher(text);
        int from = 0;
        while (from < text.length() && fence.find(from)) {
            int close = text.indexOf("```", fence.end());
            int limit = close < 0 ? text.length() : close;
            addIfObject(blocks, text, fence.start(), fence.end(), limit);
            from = limit + 3;
        }
        blocks.sort(Comparator.comparingInt(JsonBlock::start));
        return blocks;
    }

    private static int firstOf(String text, int from, Pattern... patterns) {
        int first = text.length();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find(from)) {
                first = Math.min(first, m.start());
            }
        }
        return first;
    }

    private static void addIfObject(List<JsonBlock> blocks, String text, int blockStart, int contentStart,
            int limit) {
        int brace = text.indexOf('{', contentStart);
        if (brace >= 0 && brace < limit) {
            blocks.add(new JsonBlock(blockStart, LenientJson.readObject(text, brace, limit)));
        }
    }

    /** Top-level objects anywhere in the text, skipping braces nested in an object already read. */
    private static List<JsonBlock> bare(String text) {
        List<JsonBlock> blocks = new ArrayList<>();
        int brace = text.indexOf('{');
        while (brace >= 0) {
            LenientJson.Read read = LenientJson.readObject(text, brace, text.length());
            blocks.add(new JsonBlock(brace, read));
            if (read.truncated()) {
                break;
            }
            brace = text.indexOf('{', read.complete() ? read.end() : brace + 1);
        }
        return blocks;
    }
}
