package io.pgenrm.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's prompt templates, {@code <name>.txt}, with {@code {{placeholder}}} slots. Defaults ship on the
 * classpath under {@code pgenrm/prompts/}; a file of the same name in an override directory replaces one default.
 * Every template is checked when loaded, so a typo in an override fails at startup instead of reaching the model.
 */
public final class PromptTemplates {
    public static final String SYSTEM = "system";
    public static final String PERSONA = "persona";
    public static final String RUBRIC = "rubric";
    public static final String SCORING = "scoring";
    public static final String CHAIN = "chain";

    /** The slot that holds the candidates; it must come last so samples differing only in order share a prefix. */
    static final String RESPONSES = "responses";

    private static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            SYSTEM, Set.of(),
            PERSONA, Set.of("history"),
            RUBRIC, Set.of("persona", "conversation"),
            SCORING, Set.of("persona", "conversation", "rubric", "response_keys", RESPONSES),
            CHAIN, Set.of("persona", "history", "conversation", "response_keys", RESPONSES));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final String CLASSPATH_DIR = "pgenrm/prompts/";

    private final Map<String, String> templates;

    private PromptTemplates(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    public static PromptTemplates defaults() {
        return load(null);
    }

    /** Defaults, with each {@code <name>.txt} found in {@code overrideDir} replacing its default; null means none. */
    public static PromptTemplates load(Path overrideDir) {
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new IllegalArgumentException("prompt override directory does not exist: " + overrideDir);
        }
        Map<String, String> loaded = new LinkedHashMap<>();
        for (String name : PLACEHOLDERS.keySet()) {
            Path override = overrideDir == null ? null : overrideDir.resolve(name + ".txt");
            boolean overridden = override != null && Files.isRegularFile(override);
            String text = overridden ? read(override) : readDefault(name);
            check(name, text, overridden ? override.toString() : "classpath:" + CLASSPATH_DIR + name + ".txt");
            loaded.put(name, text);
        }
        return new PromptTemplates(loaded);
    }

    /** The raw text of a template, e.g. {@code get("persona")}. */
    public String get(String name) {
        String text = templates.get(name);
        if (text == null) {
            throw new IllegalArgumentException("unknown prompt template '" + name + "'; known: "
                    + PLACEHOLDERS.keySet().stream().sorted().toList());
        }
        return text;
    }

    /** Fills every placeholder of a template in one pass, so values that contain {{...}} are left as they are. */
    public String render(String name, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(get(name));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {{" + matcher.group(1)
                        + "}} of prompt template '" + name + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void check(String name, String text, String source) {
        Set<String> allowed = PLACEHOLDERS.get(name);
        List<String> used = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {{" + matcher.group(1)
                        + "}} in prompt template '" + name + "' (" + source + "); allowed: "
                        + allowed.stream().sorted().toList());
            }
            used.add(matcher.group(1));
        }
        int responses = used.indexOf(RESPONSES);
        if (responses >= 0 && responses != used.size() - 1) {
            throw new IllegalArgumentException("placeholder {{" + RESPONSES + "}} must come after every other "
                    + "placeholder in prompt template '" + name + "' (" + source + ") so prompts share a prefix");
        }
    }

    private static String readDefault(String name) {
        String resource = CLASSPATH_DIR + name + ".txt";
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing prompt template '" + name + "': classpath resource "
                        + resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + resource, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + file, e);
        }
    }
}
