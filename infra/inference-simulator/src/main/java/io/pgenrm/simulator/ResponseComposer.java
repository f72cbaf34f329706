package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes candidate answers to a handful of everyday prompts, varying each {@link TextFeature} independently
 * (how many points, list or prose, examples, tone, caveats, a question back), so that users with different
 * hidden weights disagree about which of two answers is better.
 */
final class ResponseComposer {
    /** A prompt and the material its answers are assembled from. */
    record Topic(String prompt, List<String> points, List<String> examples, String question) {
    }

    private static final List<String> CASUAL_OPENERS = List.of("Great question! \uD83D\uDE0A",
            "Oh, happy to help with this! \uD83D\uDE4C", "Sure thing, let's dig in! \uD83D\uDE80");
    private static final List<String> FORMAL_OPENERS = List.of("Here is an overview.",
            "Certainly. The key points are as follows.", "Here is the recommended approach.");
    private static final List<String> CASUAL_CLOSERS = List.of("Hope that helps! \uD83D\uDE42",
            "You've got this! \uD83D\uDCAA", "Have fun with it! \uD83C\uDF89");
    private static final List<String> HEDGES = List.of(
            "Results can vary, so it might be worth adapting this to your situation.",
            "This may not apply in every case.",
            "It depends on your circumstances, so consider checking with someone who knows them.",
            "Perhaps start small and adjust as you go.");
    private static final List<Map.Entry<String, String>> CONTRACTIONS = List.of(Map.entry("do not", "don't"),
            Map.entry("it is", "it's"), Map.entry("you are", "you're"), Map.entry("that is", "that's"),
            Map.entry("you will", "you'll"), Map.entry("cannot", "can't"));

    private final List<Topic> topics;

    private ResponseComposer(List<Topic> topics) {
        this.topics = topics;
    }

    static ResponseComposer withBuiltInTopics() {
        try (InputStream in = ResponseComposer.class.getResourceAsStream("topics.json")) {
            if (in == null) {
                throw new IllegalStateException("topics.json is missing from the simulator jar");
            }
            List<Topic> topics = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                topics.add(new Topic(node.get("prompt").asText(), strings(node.get("points")),
                        strings(node.get("examples")), node.get("question").asText()));
            }
            return new ResponseComposer(List.copyOf(topics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topics.json", e);
        }
    }

    Topic topic(SplittableRandom random) {
        return topics.get(random.nextInt(topics.size()));
    }

    /** One answer to the topic's prompt with every style choice drawn at random. */
    String answer(Topic topic, SplittableRandom random) {
        int pointCount = 1 + random.nextInt(topic.points().size());
        boolean list = random.nextBoolean();
        int examples = random.nextInt(topic.examples().size() + 1);
        int casual = random.nextInt(3);
        int hedges = random.nextInt(HEDGES.size());
        boolean question = random.nextBoolean();

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(casual > 0 ? pick(CASUAL_OPENERS, random) : pick(FORMAL_OPENERS, random));
        List<String> points = topic.points().subList(0, pointCount);
        if (list) {
            paragraphs.add(String.join("\n", points.stream().map(p -> "- " + p).toList()));
        } else {
            paragraphs.add(String.join(" ", points));
        }
        paragraphs.addAll(topic.examples().subList(0, examples));
        List<String> shuffledHedges = new ArrayList<>(HEDGES);
        for (int h = 0; h < hedges; h++) {
            paragraphs.add(shuffledHedges.remove(random.nextInt(shuffledHedges.size())));
        }
        if (casual == 2) {
            paragraphs.add(pick(CASUAL_CLOSERS, random));
        }
        if (question) {
            paragraphs.add(topic.question());
        }
        String text = String.join("\n\n", paragraphs);
        if (casual == 2) {
            for (Map.Entry<String, String> contraction : CONTRACTIONS) {
                text = text.replace(contraction.getKey(), contraction.getValue());
            }
        }
        return text;
    }

    private static String pick(List<String> options, SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return List.copyOf(out);
    }
}
