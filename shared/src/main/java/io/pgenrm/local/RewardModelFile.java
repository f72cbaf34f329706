package io.pgenrm.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pgenrm.domain.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A population reward model as a JSON file: written by {@code pgenrm fit}, read by {@code --model}. */
public final class RewardModelFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RewardModelFile() {
    }

    public static void write(PopulationRewardModel model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), model);
    }

    /** Reads and checks a model file; a missing or malformed file is an input error naming it. */
    public static PopulationRewardModel read(Path file, TextEmbedder embedder) {
        PopulationRewardModel model;
        try {
            model = JSON.readValue(Files.readAllBytes(file), PopulationRewardModel.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("model", "no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("model", file + " is not a pgenrm population model: "
                    + e.getClass().getSimpleName());
        }
        if (model.embedder() == null || model.styleFeatures() == null || model.means() == null
                || model.scales() == null || model.weights() == null) {
            throw new InvalidInputException("model", file + " lacks embedder, styleFeatures, means, scales or weights");
        }
        return model.requireCompatible(embedder);
    }
}
