package io.pinxit.registry;

import io.pinxit.inference.ModelCard;
import io.pinxit.registry.InvalidModelCardException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a card must say before its model can be registered: who it is, what the network takes and gives, where
 * its training data came from and under which licences, and what it is for. Only generators exported as
 * TorchScript or ONNX can be registered.
 */
final class CardRequirements {

    static final Set<String> FORMATS = Set.of("torchscript", "onnx");
    static final int LARGEST_SIDE = 1024;
    static final int LARGEST_LATENT = 4096;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private CardRequirements() {
    }

    /** The file name extension of weights in the bucket: {@code pt} for TorchScript, {@code onnx} for ONNX. */
    static String extensionOf(String format) {
        return "torchscript".equals(format) ? "pt" : format;
    }

    /** Every way the card falls short; empty when it can be registered. */
    static List<Violation> violations(ModelCard card) {
        List<Violation> violations = new ArrayList<>();
        if (card.id() == null || !ID.matcher(card.id()).matches()) {
            violations.add(new Violation("id", "must be 1-63 lower-case letters, digits and hyphens"));
        }
        requireText(violations, "version", card.version());
        if (!card.isGenerator()) {
            violations.add(new Violation("family", "must be \"gan\" or \"vae\": only generators can be registered"));
        }
        if (!FORMATS.contains(card.format())) {
            violations.add(new Violation("format", "must be \"torchscript\" or \"onnx\""));
        }
        requireRange(violations, "latentSize", card.latentSize(), LARGEST_LATENT);
        requireRange(violations, "imageWidth", card.imageWidth(), LARGEST_SIDE);
        requireRange(violations, "imageHeight", card.imageHeight(), LARGEST_SIDE);
        if (card.outputRange() == null) {
            violations.add(new Violation("outputRange", "must state the min and max of the network's output"));
        } else if (!(card.outputRange().max() > card.outputRange().min())) {
            violations.add(new Violation("outputRange", "max must be greater than min"));
        }
        if (card.weightsFile() == null || !FILE_NAME.matcher(card.weightsFile()).matches()) {
            violations.add(new Violation("weightsFile", "must be a plain file name"));
        }
        if (card.weightsSha256() == null || !SHA256.matcher(card.weightsSha256()).matches()) {
            violations.add(new Violation("weightsSha256", "must be 64 lower-case hex digits"));
        }
        if (!card.weightShards().isEmpty()) {
            violations.add(new Violation("weightShards", "must be empty: a registered model is one weights file"));
        }
        if (!card.labels().isEmpty()) {
            violations.add(new Violation("labels", "must be empty: registered generators take a seed only"));
        }
        if (!card.vocabulary().isEmpty()) {
            violations.add(new Violation("vocabulary", "must be empty: registered generators take a seed only"));
        }
        if (card.dataSources().isEmpty()) {
            violations.add(new Violation("dataSources", "must name the training data and its licences"));
        }
        for (int i = 0; i < card.dataSources().size(); i++) {
            ModelCard.DataSource source = card.dataSources().get(i);
            requireText(violations, "dataSources[%d].name".formatted(i), source.name());
            requireText(violations, "dataSources[%d].licence".formatted(i), source.licence());
            requireText(violations, "dataSources[%d].attribution".formatted(i), source.attribution());
        }
        if (card.training() == null) {
            violations.add(new Violation("training", "must say how the weights were made"));
        } else {
            requireText(violations, "training.command", card.training().command());
        }
        requireText(violations, "intendedUse", card.intendedUse());
        requireText(violations, "limitations", card.limitations());
        return violations;
    }

    private static void requireText(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        }
    }

    private static void requireRange(List<Violation> violations, String field, int value, int largest) {
        if (value < 1 || value > largest) {
            violations.add(new Violation(field, "must be between 1 and " + largest));
        }
    }
}
