package io.pgenrm.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A prompt set: the judge's templates, {@code <name>.txt} with {@code {{placeholder}}} slots, and its
 * {@link PromptLayout} ({@code layout.properties}, else {@link PromptLayout#DEFAULT}). Each prompt kind (persona, rubric, scoring, chain) has a user
 * template {@code <kind>.txt} and a system template: {@code <kind>-system.txt} when the set has one, else the shared
 * {@code system.txt}. {@code history-pair.txt} renders one past choice and {@code response.txt} one candidate.
 *
 * <p>Built-in sets live on the classpath: {@code default} under {@code pgenrm/prompts/} and {@code paper} (the layout
 * P-GenRM's checkpoints were fine-tuned on) under {@code pgenrm/prompts/paper/}; a set that leaves a file out uses
 * the default set's. A file of the same name in an override directory replaces the set's, and its
 * {@code layout.properties} replaces single keys. Every template is checked when loaded, so a typo in an override
 * fails at startup instead of reaching the model.
 */
public final class PromptTemplates {
    public static final String SYSTEM = "system";
    public static final String PERSONA = "persona";
    public static final String RUBRIC = "rubric";
    public static final String SCORING = "scoring";
    public static final String CHAIN = "chain";
    public static final String HISTORY_PAIR = "history-pair";
    public static final String RESPONSE = "response";
    public static final String DEFAULT_SET = "default";
    public static final String PAPER_SET = "paper";
    static final String SYSTEM_SUFFIX = "-system";

    /** The slot that holds the candidates; it must come last so samples differing only in order share a prefix. */
    static final String RESPONSES = "responses";

    private static final Map<String, Set<String>> KINDS = Map.of(
            PERSONA, Set.of("history"),
            RUBRIC, Set.of("persona", "conversation", "prompt"),
            SCORING, Set.of("persona", "conversation", "prompt", "rubric", "response_keys", RESPONSES),
            CHAIN, Set.of("history", "conversation", "prompt", "response_keys", RESPONSES));
    private static final Map<String, Set<String>> FRAGMENTS = Map.of(
            SYSTEM, Set.of(),
            HISTORY_PAIR, Set.of("number", "prompt", "conversation", "chosen", "rejected"),
            RESPONSE, Set.of("number", "response"));
    private static final Map<String, String> SET_DIRECTORIES = Map.of(
            DEFAULT_SET, "pgenrm/prompts/", PAPER_SET, "pgenrm/prompts/paper/");
    private static final String LAYOUT_FILE = "layout.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private final Map<String, String> templates;
    private final PromptLayout layout;

    private PromptTemplates(Map<String, String> templates, PromptLayout layout) {
        this.templates = Map.copyOf(templates);
        this.layout = layout;
    }

    public static PromptTemplates defaults() {
        return load(DEFAULT_SET, null);
    }

    /** The default set, with each file found in {@code overrideDir} replacing its own; null means none. */
    public static PromptTemplates load(Path overrideDir) {
        return load(DEFAULT_SET, overrideDir);
    }

    /** The built-in set {@code set} ({@value #DEFAULT_SET} or {@value #PAPER_SET}), overridden by {@code overrideDir}. */
    public static PromptTemplates load(String set, Path overrideDir) {
        if (!SET_DIRECTORIES.containsKey(set)) {
            throw new IllegalArgumentException("unknown prompt set '" + set + "'; built in: "
                    + SET_DIRECTORIES.keySet().stream().sorted().toList());
        }
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new IllegalArgumentException("prompt override directory does not exist: " + overrideDir);
        }
        List<Source> sources = new ArrayList<>();
        if (overrideDir != null) {
            sources.add(new Source(overrideDir.toString(), name -> readFile(overrideDir.resolve(name))));
        }
        sources.add(classpath(SET_DIRECTORIES.get(set)));
        if (!set.equals(DEFAULT_SET)) {
            sources.add(classpath(SET_DIRECTORIES.get(DEFAULT_SET)));
        }
        Map<String, String> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> template : allowedPlaceholders().entrySet()) {
            String name = template.getKey();
            boolean optional = name.endsWith(SYSTEM_SUFFIX);
            for (Source source : sources) {
                String text = source.reader().read(name + ".txt");
                if (text != null) {
                    check(name, text, template.getValue(), source.name() + "/" + name + ".txt");
                    loaded.put(name, text);
                    break;
                }
            }
            if (!loaded.containsKey(name) && !optional) {
                throw new IllegalArgumentException("missing prompt template '" + name + "' in prompt set '" + set
                        + "'");
            }
        }
        PromptLayout layout = PromptLayout.DEFAULT;
        for (int i = sources.size() - 1; i >= 0; i--) {
            Source source = sources.get(i);
            String text = source.reader().read(LAYOUT_FILE);
            if (text != null) {
                layout = layout.with(properties(text), source.name() + "/" + LAYOUT_FILE);
            }
        }
        return new PromptTemplates(loaded, layout);
    }

    public PromptLayout layout() {
        return layout;
    }

    /** The same templates under another layout, e.g. with the few-shot settings of the configuration. */
    public PromptTemplates withLayout(PromptLayout other) {
        return new PromptTemplates(templates, other);
    }

    /** The raw text of a template, e.g. {@code get("persona")}. */
    public String get(String name) {
        String text = templates.get(name);
        if (text == null) {
            throw new IllegalArgumentException("unknown prompt template '" + name + "'; known: "
                    + templates.keySet().stream().sorted().toList());
        }
        return text;
    }

    /** The name of the system template a prompt kind uses: its own when the set has one, else the shared one. */
    public String systemFor(String kind) {
        return templates.containsKey(kind + SYSTEM_SUFFIX) ? kind + SYSTEM_SUFFIX : SYSTEM;
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

    /**
     * Every template a set may hold and the placeholders it may use. A kind's system template takes the kind's
     * placeholders except the candidates, which belong at the end of the user message.
     */
    private static Map<String, Set<String>> allowedPlaceholders() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>(FRAGMENTS);
        KINDS.forEach((kind, placeholders) -> {
            allowed.put(kind, placeholders);
            allowed.put(kind + SYSTEM_SUFFIX, placeholders.stream().filter(p -> !p.equals(RESPONSES))
                    .collect(Collectors.toUnmodifiableSet()));
        });
        return allowed;
    }

    private static void check(String name, String text, Set<String> allowed, String source) {
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

    /** Where a set's files come from; {@code reader} gives null for a file that is not there. */
    private record Source(String name, FileReader reader) {
    }

    private interface FileReader {
        String read(String fileName);
    }

    private static Source classpath(String directory) {
        return new Source("classpath:" + directory.substring(0, directory.length() - 1), name -> {
            String resource = directory + name;
            try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read prompt file " + resource, e);
            }
        });
    }

    private static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt file " + file, e);
        }
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return properties;
    }
}
